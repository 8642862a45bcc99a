package org.commonweal.opendata.datastore.load;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.commonweal.opendata.datastore.DatastoreErrorCode;
import org.commonweal.opendata.datastore.DatastoreRefused;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an .xlsx workbook with POI's streaming (SAX) event API, one row at a
 * time, never the whole workbook in memory. The first row with any value is the header. Numbers
 * come as plain digits whatever their display format (so {@code 1,234.50} is read as
 * {@code 1234.5}), dates as ISO {@code yyyy-mm-dd} (with a time, {@code yyyy-mm-ddThh:mm:ss}).
 * Blank rows are skipped; a value to the right of the header's last column is refused.
 * Zip bombs are stopped by POI's {@code ZipSecureFile} limits, set from the datastore settings.
 */
public final class XlsxReader {

    private XlsxReader() {
    }

    public static void read(Path file, int maxFieldLength, RowSink sink) {
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw DatastoreRefused.file(DatastoreErrorCode.HEADER_MISSING, "The workbook has no sheet.");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings,
                        new Rows(sink, maxFieldLength), new PlainFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (DatastoreRefused refused) {
            throw refused;
        } catch (Exception | LinkageError e) {
            DatastoreRefused inner = find(e, DatastoreRefused.class);
            if (inner != null) {
                throw inner;
            }
            if (mentions(e, "Zip bomb")) {
                throw DatastoreRefused.file(DatastoreErrorCode.WORKBOOK_SUSPICIOUS,
                        "The workbook unpacks to far more than its size (it looks like a zip bomb) and was not read.");
            }
            throw DatastoreRefused.file(DatastoreErrorCode.NOT_A_WORKBOOK,
                    "The file is not a readable Excel workbook (.xlsx). Open it in a spreadsheet and save it as .xlsx or as CSV UTF-8.");
        }
    }

    private static <T extends Throwable> @Nullable T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean mentions(Throwable e, String words) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(words)) {
                return true;
            }
        }
        return false;
    }

    /** Collects a row's cells by column and hands whole rows to the sink. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowSink sink;
        private final int maxFieldLength;
        private final List<String> cells = new ArrayList<>();
        private int width = -1;
        private int lastColumn = -1;

        Rows(RowSink sink, int maxFieldLength) {
            this.sink = sink;
            this.maxFieldLength = maxFieldLength;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            lastColumn = -1;
        }

        @Override
        public void cell(@Nullable String reference, @Nullable String value, @Nullable XSSFComment comment) {
            int column = reference == null ? lastColumn + 1 : new CellReference(reference).getCol();
            lastColumn = column;
            String text = value == null ? "" : value;
            if (text.length() > maxFieldLength) {
                throw DatastoreRefused.atLine(DatastoreErrorCode.FIELD_TOO_LONG, currentRow(reference),
                        "cell " + reference + " is longer than " + maxFieldLength + " characters.");
            }
            if (width >= 0 && column >= width) {
                if (!TypeInference.isBlank(text)) {
                    throw DatastoreRefused.atLine(DatastoreErrorCode.ROW_WIDTH_MISMATCH, currentRow(reference),
                            "cell " + reference + " is to the right of the last column named in the header.");
                }
                return;
            }
            while (cells.size() < column) {
                cells.add("");
            }
            if (cells.size() == column) {
                cells.add(text);
            } else {
                cells.set(column, text);
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(TypeInference::isBlank)) {
                return;
            }
            long line = rowNum + 1L;
            if (width < 0) {
                int last = cells.size() - 1;
                while (TypeInference.isBlank(cells.get(last))) {
                    last--;
                }
                width = last + 1;
                sink.header(new ArrayList<>(cells.subList(0, width)), line);
                return;
            }
            while (cells.size() < width) {
                cells.add("");
            }
            sink.row(cells, line);
        }

        private static long currentRow(@Nullable String reference) {
            return reference == null ? 0 : new CellReference(reference).getRow() + 1L;
        }
    }

    /** Numbers as plain digits and dates as ISO text, whatever the cell's display format. */
    static final class PlainFormatter extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime at = DateUtil.getLocalDateTime(value, use1904Windowing, true);
                return at.toLocalTime().toSecondOfDay() == 0 ? at.toLocalDate().toString() : at.toString();
            }
            return plain(value);
        }

        static String plain(double value) {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return Double.toString(value);
            }
            BigDecimal number = new BigDecimal(Double.toString(value)).stripTrailingZeros();
            return number.scale() <= 0 ? number.toBigInteger().toString() : number.toPlainString();
        }
    }
}
