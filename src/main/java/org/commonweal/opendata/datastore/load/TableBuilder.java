package org.commonweal.opendata.datastore.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.commonweal.opendata.datastore.Column;
import org.commonweal.opendata.datastore.DatastoreErrorCode;
import org.commonweal.opendata.datastore.DatastoreRefused;
import org.commonweal.opendata.datastore.LoadProgress;

/**
 * Turns the rows of a file into PostgreSQL COPY text written to a spool file, checking each row
 * and narrowing each column's type as it goes, so a file is read once and held in memory one row
 * at a time. Every row must be as wide as the header. The row number becomes {@code _id}.
 */
public final class TableBuilder implements RowSink, AutoCloseable {

    private static final int PROGRESS_EVERY = 10_000;

    private final Writer copy;
    private final int maxColumns;
    private final LoadProgress progress;
    private List<String> labels = List.of();
    private List<TypeInference> types = List.of();
    private long rows;
    private final StringBuilder line = new StringBuilder(1024);

    public TableBuilder(Path spool, int maxColumns, LoadProgress progress) throws IOException {
        this.copy = new BufferedWriter(Files.newBufferedWriter(spool, StandardCharsets.UTF_8), 256 * 1024);
        this.maxColumns = maxColumns;
        this.progress = progress;
    }

    @Override
    public void header(List<String> header, long lineNumber) {
        if (header.size() > maxColumns) {
            throw DatastoreRefused.atLine(DatastoreErrorCode.TOO_MANY_COLUMNS, lineNumber,
                    "the header has " + header.size() + " columns; the most is " + maxColumns + ".");
        }
        if (header.stream().allMatch(TypeInference::isBlank)) {
            throw DatastoreRefused.atLine(DatastoreErrorCode.HEADER_MISSING, lineNumber,
                    "the first row must name the columns, but it is empty.");
        }
        labels = List.copyOf(header);
        types = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            types.add(new TypeInference());
        }
    }

    @Override
    public void row(List<String> cells, long lineNumber) {
        if (cells.size() != labels.size()) {
            throw DatastoreRefused.atLine(DatastoreErrorCode.ROW_WIDTH_MISMATCH, lineNumber,
                    "this row has " + cells.size() + " fields but the header has " + labels.size()
                            + ". Every row needs the same number of fields (check for a stray comma or an unquoted comma in a value).");
        }
        rows++;
        line.setLength(0);
        line.append(rows);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            types.get(i).accept(cell);
            line.append('\t');
            appendCopyValue(cell, lineNumber);
        }
        line.append('\n');
        try {
            copy.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows % PROGRESS_EVERY == 0) {
            progress.rowsLoaded(rows);
        }
    }

    /** COPY text format: {@code \N} for NULL, backslash escapes for the characters it treats specially. */
    private void appendCopyValue(String cell, long lineNumber) {
        if (TypeInference.isBlank(cell)) {
            line.append("\\N");
            return;
        }
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\0' -> throw DatastoreRefused.atLine(DatastoreErrorCode.NOT_TEXT, lineNumber,
                        "a value contains a NUL character, which a table cannot hold.");
                default -> line.append(c);
            }
        }
    }

    public boolean hasHeader() {
        return !labels.isEmpty();
    }

    public long rows() {
        return rows;
    }

    /** The columns with their ids and inferred types, once every row is in. */
    public List<Column> columns() {
        List<String> ids = ColumnNames.ids(labels);
        List<Column> columns = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            columns.add(new Column(ids.get(i), labels.get(i), types.get(i).type()));
        }
        return columns;
    }

    /** The longest value of each column, in characters. */
    public int[] longest() {
        return types.stream().mapToInt(TypeInference::longest).toArray();
    }

    @Override
    public void close() throws IOException {
        copy.close();
    }
}
