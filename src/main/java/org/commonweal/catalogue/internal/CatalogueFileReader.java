package org.commonweal.catalogue.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.commonweal.catalogue.CatalogueErrorCode;
import org.commonweal.catalogue.CatalogueSettings;
import org.springframework.stereotype.Component;

/**
 * Reads an uploaded catalogue file, whatever people send: CSV in UTF-8 (with or without BOM) or
 * GBK/GB18030, comma or tab separated, or an Excel .xlsx workbook. The type is told by content,
 * not by name. Whole-file problems (wrong type, zip bomb, bad header, too many rows) refuse the
 * file; problems of one row (ragged, a huge field, a formula) refuse that row only.
 */
@Component
public class CatalogueFileReader {

    static {
        // POI refuses entries that inflate more than 100 times (zip bombs); the largest entry is bounded too
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
    }

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final CatalogueSettings settings;

    CatalogueFileReader(CatalogueSettings settings) {
        this.settings = settings;
    }

    public ParsedFile read(byte[] content) {
        if (content.length == 0) {
            throw UnreadableFile.because(CatalogueErrorCode.FILE_MISSING, "The file is empty");
        }
        if (content.length > settings.maxImportSize().toBytes()) {
            throw UnreadableFile.because(CatalogueErrorCode.FILE_TOO_LARGE, "The file is " + content.length
                    + " bytes; the most is " + settings.maxImportSize().toBytes());
        }
        if (startsWith(content, ZIP)) {
            return readWorkbook(content);
        }
        if (startsWith(content, OLE2)) {
            throw UnreadableFile.because(CatalogueErrorCode.FILE_TYPE_UNSUPPORTED,
                    "This is an old Excel (.xls) or an encrypted file; save it as .xlsx or CSV without a password");
        }
        if (looksBinary(content)) {
            throw UnreadableFile.because(CatalogueErrorCode.FILE_TYPE_UNSUPPORTED,
                    "This is neither a CSV text file nor an Excel .xlsx workbook");
        }
        return readCsv(content);
    }

    private ParsedFile readCsv(byte[] content) {
        String encoding;
        String text;
        if (startsWith(content, UTF8_BOM)) {
            encoding = "UTF-8 (BOM)";
            text = decode(Arrays.copyOfRange(content, 3, content.length), StandardCharsets.UTF_8);
        } else {
            String utf8 = tryDecode(content, StandardCharsets.UTF_8);
            if (utf8 != null) {
                encoding = "UTF-8";
                text = utf8;
            } else {
                encoding = "GBK";
                text = decode(content, GB18030);
            }
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.indexOf('\t') >= 0 && firstLine.indexOf(',') < 0 ? '\t' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        List<ParsedFile.Row> rows = new ArrayList<>();
        List<ParsedFile.LineProblem> refused = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            Map<String, Integer> header = null;
            while (true) {
                int line = (int) parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    refused.add(new ParsedFile.LineProblem(line, "the quotes on this line are not closed;"
                            + " nothing from here to the end of the file was read"));
                    break;
                }
                List<String> cells = record.toList();
                if (header == null) {
                    header = header(cells);
                    continue;
                }
                accept(line, cells, header, true, rows, refused);
            }
            if (header == null) {
                throw UnreadableFile.because(CatalogueErrorCode.HEADER_INVALID, "The file has no header row");
            }
        } catch (IOException e) {
            throw UnreadableFile.because(CatalogueErrorCode.FILE_UNREADABLE, "The file could not be read as CSV");
        }
        return new ParsedFile("csv", encoding, rows, refused);
    }

    private ParsedFile readWorkbook(byte[] content) {
        List<ParsedFile.Row> rows = new ArrayList<>();
        List<ParsedFile.LineProblem> refused = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw UnreadableFile.because(CatalogueErrorCode.HEADER_INVALID, "The workbook has no sheet");
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
            Map<String, Integer> header = null;
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                int line = row.getRowNum() + 1;
                List<String> cells = new ArrayList<>();
                @org.jspecify.annotations.Nullable String formula = null;
                for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                    Cell cell = row.getCell(i);
                    if (cell != null && cell.getCellType() == CellType.FORMULA) {
                        formula = new org.apache.poi.ss.util.CellReference(cell).formatAsString();
                        cells.add("");
                    } else {
                        cells.add(text(cell, formatter));
                    }
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = header(cells);
                    continue;
                }
                if (formula != null) {
                    refused.add(new ParsedFile.LineProblem(line, "cell " + formula
                            + " holds a formula; type its value instead (formulas are never run)"));
                    continue;
                }
                accept(line, cells, header, false, rows, refused);
            }
            if (header == null) {
                throw UnreadableFile.because(CatalogueErrorCode.HEADER_INVALID, "The first sheet has no header row");
            }
        } catch (org.commonweal.catalogue.CatalogueRefused e) {
            throw e;
        } catch (Exception e) {
            // POI reports zip bombs, broken archives and non-workbook zips with several exception types
            String message = String.valueOf(e.getMessage());
            if (message.contains("Zip bomb") || message.contains("zip bomb") || message.contains("exceeds the max")) {
                throw UnreadableFile.because(CatalogueErrorCode.FILE_UNREADABLE,
                        "The workbook expands to far more than its size (a zip bomb?); it was not opened");
            }
            throw UnreadableFile.because(CatalogueErrorCode.FILE_UNREADABLE,
                    "The file is a zip archive but not a readable Excel .xlsx workbook");
        }
        return new ParsedFile("xlsx", "", rows, refused);
    }

    private static String text(@org.jspecify.annotations.Nullable Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return LocalDate.ofInstant(cell.getDateCellValue().toInstant(), ZoneOffset.UTC).toString();
        }
        return formatter.formatCellValue(cell);
    }

    private Map<String, Integer> header(List<String> cells) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> header = CatalogueColumns.header(cells, problems);
        if (!problems.isEmpty()) {
            throw UnreadableFile.because(CatalogueErrorCode.HEADER_INVALID, "The header row is not a catalogue header: "
                    + String.join("; ", problems) + ". The columns are " + String.join(", ", CatalogueColumns.NAMES));
        }
        return header;
    }

    /** @param fullWidth CSV rows must have every column; spreadsheet rows may end early (empty cells are not stored) */
    private void accept(int line, List<String> cells, Map<String, Integer> header, boolean fullWidth,
                        List<ParsedFile.Row> rows, List<ParsedFile.LineProblem> refused) {
        int width = header.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        int used = cells.size();
        while (used > width && cells.get(used - 1).isBlank()) {
            used--; // trailing empty cells are what spreadsheet programs leave behind
        }
        if (used > width || (fullWidth && cells.size() < width)) {
            refused.add(new ParsedFile.LineProblem(line, "this row has " + cells.size() + " fields; the header has "
                    + width));
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> column : header.entrySet()) {
            String value = column.getValue() < cells.size() ? cells.get(column.getValue()) : "";
            if (value.length() > settings.maxFieldLength()) {
                refused.add(new ParsedFile.LineProblem(line, "the field " + column.getKey() + " is " + value.length()
                        + " characters long; the most is " + settings.maxFieldLength()));
                return;
            }
            values.put(column.getKey(), FormulaGuard.restore(value));
        }
        if (rows.size() + refused.size() >= settings.maxImportRows()) {
            throw UnreadableFile.because(CatalogueErrorCode.TOO_MANY_ROWS,
                    "The file has more than " + settings.maxImportRows() + " rows; split it into smaller files");
        }
        rows.add(new ParsedFile.Row(line, values));
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Text files hold no NUL bytes; images, PDFs and executables do early on. */
    private static boolean looksBinary(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 8192); i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return startsWith(content, "%PDF".getBytes(StandardCharsets.US_ASCII));
    }

    private static @org.jspecify.annotations.Nullable String tryDecode(byte[] content, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String decode(byte[] content, Charset charset) {
        String text = tryDecode(content, charset);
        if (text == null) {
            throw UnreadableFile.because(CatalogueErrorCode.FILE_UNREADABLE,
                    "The file is neither UTF-8 nor GBK text; save it as CSV UTF-8");
        }
        return text;
    }
}
