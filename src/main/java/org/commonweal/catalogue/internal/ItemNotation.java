package org.commonweal.catalogue.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.commonweal.catalogue.DataItem;

/**
 * Data items in one cell of a CSV or Excel file: one item per line,
 * {@code key|中文名|English name|type|personal|sensitive}, the flags {@code yes}/{@code no}
 * (是/否, true/false, y/n are read too).
 */
public final class ItemNotation {

    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "是");
    private static final Set<String> NO = Set.of("no", "n", "false", "0", "否", "");

    private ItemNotation() {
    }

    public static String format(List<DataItem> items) {
        StringBuilder cell = new StringBuilder();
        for (DataItem item : items) {
            if (!cell.isEmpty()) {
                cell.append('\n');
            }
            cell.append(item.key()).append('|').append(item.nameZh()).append('|').append(item.nameEn()).append('|')
                    .append(item.type()).append('|').append(item.personal() ? "yes" : "no").append('|')
                    .append(item.sensitive() ? "yes" : "no");
        }
        return cell.toString();
    }

    /** Reads the items of a cell; throws {@link IllegalArgumentException} naming the bad item. */
    public static List<DataItem> parse(String cell) {
        List<DataItem> items = new ArrayList<>();
        String[] lines = cell.split("\\r?\\n|\\r");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            if (parts.length != 6) {
                throw new IllegalArgumentException("data item " + (items.size() + 1)
                        + " needs 6 parts key|中文名|English name|type|personal|sensitive, not " + parts.length);
            }
            items.add(new DataItem(parts[0].strip(), parts[1].strip(), parts[2].strip(),
                    parts[3].strip().toLowerCase(Locale.ROOT), flag(parts[4], items.size() + 1),
                    flag(parts[5], items.size() + 1)));
        }
        return items;
    }

    private static boolean flag(String text, int number) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (YES.contains(value)) {
            return true;
        }
        if (NO.contains(value)) {
            return false;
        }
        throw new IllegalArgumentException("data item " + number + ": personal and sensitive are yes or no");
    }
}
