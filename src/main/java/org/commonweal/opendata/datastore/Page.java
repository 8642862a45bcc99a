package org.commonweal.opendata.datastore;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One page of query results.
 *
 * @param fields the returned columns in order ({@code _id}, the row number, first unless fields were chosen)
 * @param records one map per row, column id to value: {@link Long}, {@link java.math.BigDecimal},
 *                {@link java.time.LocalDate}, {@link String} or null for an empty cell
 * @param total every matching row, when asked for
 * @param limit the limit applied (lowered to {@link DatastoreQuery#MAX_LIMIT} if larger)
 */
public record Page(List<Column> fields, List<Map<String, @Nullable Object>> records, @Nullable Long total,
                   int limit, long offset) {

    public Page {
        fields = List.copyOf(fields);
        records = List.copyOf(records);
    }
}
