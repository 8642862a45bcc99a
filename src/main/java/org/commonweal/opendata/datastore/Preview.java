package org.commonweal.opendata.datastore;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The first rows of a table for a dataset page, and a chart when the data suits one.
 *
 * @param rows the first rows, each cell as display text (empty for an empty cell), in column order
 * @param rowCount all rows in the table
 * @param chart a bar chart of a category column against a numeric column, or empty
 */
public record Preview(List<Column> columns, List<List<String>> rows, long rowCount, Optional<Chart> chart) {

    public Preview {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /**
     * The sum of {@code value} per distinct {@code category} over the whole table, largest first,
     * at most {@link #MAX_BARS} bars. Always shown together with a table of the same numbers.
     */
    public record Chart(Column category, Column value, List<Bar> bars) {
        public static final int MAX_BARS = 20;

        public Chart {
            bars = List.copyOf(bars);
        }
    }

    /** One bar; a null category stands for empty cells. */
    public record Bar(@Nullable String category, BigDecimal value) {
    }
}
