package org.commonweal.opendata.datastore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.commonweal.opendata.datastore.DatastoreTables.LoadedTable;
import org.springframework.jdbc.core.JdbcTemplate;

/** Whether a table suits a chart on its dataset page, and the chart's numbers. */
final class PreviewChart {

    private static final int SAMPLE_ROWS = 1000;

    private PreviewChart() {
    }

    /** A bar chart needs a text column with a few distinct values (2 to 20 in the first rows) and a numeric column. */
    static Optional<Preview.Chart> of(LoadedTable table, JdbcTemplate jdbc) {
        List<Column> columns = table.info().columns();
        int value = -1;
        List<Integer> textColumns = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnType type = columns.get(i).type();
            if (value < 0 && (type == ColumnType.INTEGER || type == ColumnType.DECIMAL)) {
                value = i;
            } else if (type == ColumnType.TEXT) {
                textColumns.add(i);
            }
        }
        if (value < 0 || textColumns.isEmpty() || table.info().rowCount() < 2) {
            return Optional.empty();
        }
        String sample = "SELECT " + String.join(", ", textColumns.stream().map(i -> "c" + i).toList())
                + " FROM " + table.table() + " ORDER BY _id LIMIT " + SAMPLE_ROWS;
        List<Set<String>> distinct = new ArrayList<>();
        textColumns.forEach(i -> distinct.add(new HashSet<>()));
        jdbc.query(sample, rs -> {
            for (int k = 0; k < textColumns.size(); k++) {
                if (distinct.get(k).size() <= Preview.Chart.MAX_BARS) {
                    distinct.get(k).add(String.valueOf(rs.getString(k + 1)));
                }
            }
        });
        int category = -1;
        for (int k = 0; k < textColumns.size() && category < 0; k++) {
            int count = distinct.get(k).size();
            if (count >= 2 && count <= Preview.Chart.MAX_BARS) {
                category = textColumns.get(k);
            }
        }
        if (category < 0) {
            return Optional.empty();
        }
        List<Preview.Bar> bars = jdbc.query("SELECT c" + category + ", coalesce(sum(c" + value + "), 0) FROM " + table.table()
                        + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + Preview.Chart.MAX_BARS,
                (rs, row) -> new Preview.Bar(rs.getString(1), rs.getBigDecimal(2)));
        return Optional.of(new Preview.Chart(columns.get(category), columns.get(value), bars));
    }

}
