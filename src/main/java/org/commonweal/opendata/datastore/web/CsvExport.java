package org.commonweal.opendata.datastore.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.commonweal.opendata.datastore.Column;
import org.commonweal.opendata.datastore.ColumnType;
import org.commonweal.opendata.datastore.ExportSink;
import org.jspecify.annotations.Nullable;

/**
 * Writes rows as RFC 4180 CSV for spreadsheets: UTF-8 with a byte-order mark (without it Excel
 * reads Chinese as GBK and garbles it), CRLF line ends, the column ids as header. Text cells that
 * a spreadsheet would run as a formula (starting with {@code = + - @}, tab or carriage return)
 * get a leading {@code '}, as OWASP advises against CSV injection; numbers are written as they are.
 * The open list's CSV ({@code /data/open-list.csv}) is written with it too.
 */
public final class CsvExport implements ExportSink {

    private final Writer out;
    private List<Column> fields = List.of();

    public CsvExport(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    }

    @Override
    public void start(List<Column> columns) throws IOException {
        fields = columns;
        out.write('\uFEFF');
        List<@Nullable Object> header = new ArrayList<>();
        columns.forEach(column -> header.add(column.id()));
        line(header, true);
    }

    @Override
    public void row(List<@Nullable Object> values) throws IOException {
        line(values, false);
    }

    public void finish() throws IOException {
        out.flush();
    }

    private void line(List<@Nullable Object> values, boolean header) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            String text = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
            boolean textCell = header || fields.get(i).type() == ColumnType.TEXT;
            out.write(quoted(textCell ? neutralised(text) : text));
        }
        out.write("\r\n");
    }

    /** OWASP's advice for CSV injection: a cell that could start a formula is made plain text. */
    static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    static String quoted(String text) {
        boolean needs = false;
        for (int i = 0; i < text.length() && !needs; i++) {
            char c = text.charAt(i);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return needs ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
