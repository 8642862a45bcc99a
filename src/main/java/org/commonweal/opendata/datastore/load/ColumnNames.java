package org.commonweal.opendata.datastore.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Column ids from a header row: what people type in filters and sort. Each label is trimmed,
 * stripped of control characters and double quotes, its inner spaces become {@code _}, leading
 * underscores go (names starting with {@code _} are CKAN's own, like {@code _id}), it is cut to
 * 63 bytes (PostgreSQL's limit, kept for tools that mirror the table), a blank one becomes
 * {@code column_N}, and repeats get {@code _2}, {@code _3}, ... (compared ignoring case, so no two
 * ids differ only by case). The original label is kept for display. Ids never reach SQL: tables
 * use generated column names.
 */
public final class ColumnNames {

    static final int MAX_BYTES = 63;

    private ColumnNames() {
    }

    public static List<String> ids(List<String> labels) {
        List<String> ids = new ArrayList<>(labels.size());
        Set<String> taken = new HashSet<>();
        taken.add("_id");
        for (int i = 0; i < labels.size(); i++) {
            String base = clean(labels.get(i));
            if (base.isEmpty()) {
                base = "column_" + (i + 1);
            }
            String id = base;
            for (int n = 2; taken.contains(id.toLowerCase(Locale.ROOT)); n++) {
                String suffix = "_" + n;
                id = cut(base, MAX_BYTES - suffix.length()) + suffix;
            }
            taken.add(id.toLowerCase(Locale.ROOT));
            ids.add(id);
        }
        return ids;
    }

    static String clean(String label) {
        StringBuilder out = new StringBuilder(label.length());
        label.strip().codePoints()
                .map(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) ? '_' : c)
                .filter(c -> !Character.isISOControl(c) && c != '"' && Character.getType(c) != Character.FORMAT)
                .forEach(out::appendCodePoint);
        String cleaned = out.toString().replaceAll("_{2,}", "_").replaceAll("^_+|_+$", "");
        return cut(cleaned, MAX_BYTES);
    }

    /** The longest prefix of whole code points that fits in {@code maxBytes} of UTF-8. */
    static String cut(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int size = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
                break;
            }
            out.appendCodePoint(c);
            bytes += size;
            i += Character.charCount(c);
        }
        return out.toString();
    }
}
