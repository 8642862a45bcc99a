package org.commonweal.opendata.datastore.load;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.commonweal.opendata.datastore.DatastoreErrorCode;
import org.commonweal.opendata.datastore.DatastoreRefused;

/**
 * A streaming RFC 4180 reader: comma-separated, fields optionally in double quotes (a quote inside
 * doubled), line ends CRLF, LF or CR. Written here rather than taken from a library so that a
 * field longer than the limit is refused while it is read (never held whole in memory) and every
 * refusal names the line. Blank lines are skipped. An empty unquoted field is read as empty.
 */
public final class CsvReader {

    private static final int BUFFER = 64 * 1024;

    private final Reader in;
    private final int maxFieldLength;
    private final char[] buffer = new char[BUFFER];
    private int position;
    private int limit;
    private long line = 1;

    private CsvReader(Reader in, int maxFieldLength) {
        this.in = in;
        this.maxFieldLength = maxFieldLength;
    }

    /** Reads every row into the sink: the first non-blank row is the header. */
    public static void read(Reader in, int maxFieldLength, RowSink sink) throws IOException {
        new CsvReader(in, maxFieldLength).readAll(sink);
    }

    private void readAll(RowSink sink) throws IOException {
        boolean headerSeen = false;
        List<String> row = new ArrayList<>();
        while (true) {
            long startLine = line;
            boolean more = readRow(row);
            boolean blank = row.size() == 1 && row.getFirst().isEmpty() && !lastFieldQuoted;
            if (!blank && !row.isEmpty()) {
                if (headerSeen) {
                    sink.row(row, startLine);
                } else {
                    sink.header(row, startLine);
                    headerSeen = true;
                }
            }
            if (!more) {
                return;
            }
        }
    }

    private boolean lastFieldQuoted;

    /** Reads one row into {@code row} (cleared first); returns false at the end of the input. */
    private boolean readRow(List<String> row) throws IOException {
        row.clear();
        StringBuilder field = new StringBuilder();
        while (true) {
            field.setLength(0);
            lastFieldQuoted = false;
            int c = next();
            if (c == -1) {
                if (!row.isEmpty()) {
                    row.add("");
                }
                return false;
            }
            if (c == '"') {
                lastFieldQuoted = true;
                c = readQuoted(field);
            } else {
                c = readPlain(c, field);
            }
            row.add(field.toString());
            if (c == ',') {
                continue;
            }
            if (c == -1) {
                return false;
            }
            endOfLine(c);
            return true;
        }
    }

    /** Reads an unquoted field starting with {@code c}; returns the character that ended it. */
    private int readPlain(int c, StringBuilder field) throws IOException {
        while (c != ',' && c != '\n' && c != '\r' && c != -1) {
            append(field, (char) c);
            c = next();
        }
        return c;
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
    private int readQuoted(StringBuilder field) throws IOException {
        long opened = line;
        while (true) {
            int c = next();
            if (c == -1) {
                throw DatastoreRefused.atLine(DatastoreErrorCode.QUOTE_MALFORMED, opened,
                        "a field opened with a double quote (\") is never closed.");
            }
            if (c == '"') {
                int after = next();
                if (after == '"') {
                    append(field, '"');
                    continue;
                }
                if (after == ',' || after == '\n' || after == '\r' || after == -1) {
                    return after;
                }
                throw DatastoreRefused.atLine(DatastoreErrorCode.QUOTE_MALFORMED, line,
                        "text follows the closing double quote of a field; write a quote inside a quoted field as \"\".");
            }
            if (c == '\n' || (c == '\r' && peek() != '\n')) {
                line++;
            }
            append(field, (char) c);
        }
    }

    private void endOfLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            next();
        }
        line++;
    }

    private void append(StringBuilder field, char c) {
        if (field.length() >= maxFieldLength) {
            throw DatastoreRefused.atLine(DatastoreErrorCode.FIELD_TOO_LONG, line,
                    "a field is longer than " + maxFieldLength + " characters.");
        }
        if (c == 0) {
            throw DatastoreRefused.atLine(DatastoreErrorCode.NOT_TEXT, line,
                    "the file contains a NUL character; it does not look like a text CSV file.");
        }
        field.append(c);
    }

    private int next() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int read;
        do {
            read = in.read(buffer, 0, BUFFER);
        } while (read == 0);
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
