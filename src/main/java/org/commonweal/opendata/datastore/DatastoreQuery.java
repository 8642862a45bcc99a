package org.commonweal.opendata.datastore;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A query over a loaded table. Columns are named by {@link Column#id()} (or {@code _id}, the row
 * number); values are given as text and read as the column's type. Nothing here is ever pasted
 * into SQL: unknown columns and unreadable values are refused.
 *
 * @param filters all must hold
 * @param q words that must each appear in some cell of the row (case-insensitive); null or blank for none
 * @param sort in order of precedence; the row number always breaks ties, so paging is stable
 * @param limit rows to return, 0 to {@link #MAX_LIMIT}
 * @param offset rows to skip, 0 or more
 * @param fields the columns to return, in this order; null or empty for every column
 * @param includeTotal whether to count all matching rows
 */
public record DatastoreQuery(List<Filter> filters, @Nullable String q, List<Sort> sort, int limit, long offset,
                             @Nullable List<String> fields, boolean includeTotal) {

    /** CKAN's default page size. */
    public static final int DEFAULT_LIMIT = 100;
    /** CKAN's {@code ckan.datastore.search.rows_max}: larger limits are lowered to it, as CKAN does. */
    public static final int MAX_LIMIT = 32_000;

    public DatastoreQuery {
        filters = List.copyOf(filters);
        sort = List.copyOf(sort);
        fields = fields == null ? null : List.copyOf(fields);
    }

    /** Every row, in file order, the first {@link #DEFAULT_LIMIT}. */
    public static DatastoreQuery all() {
        return new DatastoreQuery(List.of(), null, List.of(), DEFAULT_LIMIT, 0, null, true);
    }

    public DatastoreQuery withFilters(List<Filter> newFilters) {
        return new DatastoreQuery(newFilters, q, sort, limit, offset, fields, includeTotal);
    }

    public DatastoreQuery withQ(@Nullable String words) {
        return new DatastoreQuery(filters, words, sort, limit, offset, fields, includeTotal);
    }

    public DatastoreQuery withSort(List<Sort> newSort) {
        return new DatastoreQuery(filters, q, newSort, limit, offset, fields, includeTotal);
    }

    public DatastoreQuery withPage(int newLimit, long newOffset) {
        return new DatastoreQuery(filters, q, sort, newLimit, newOffset, fields, includeTotal);
    }

    public DatastoreQuery withFields(@Nullable List<String> newFields) {
        return new DatastoreQuery(filters, q, sort, limit, offset, newFields, includeTotal);
    }

    public DatastoreQuery withIncludeTotal(boolean include) {
        return new DatastoreQuery(filters, q, sort, limit, offset, fields, include);
    }

    /** A condition on one column. */
    public sealed interface Filter {
        String column();
    }

    /** The column equals one of the values (one value: equals; several: any of them). */
    public record Equals(String column, List<String> values) implements Filter {
        public Equals {
            values = List.copyOf(values);
        }
    }

    /** The column lies in a range; a null bound is open. Rows whose cell is empty never match. */
    public record Range(String column, @Nullable String from, boolean fromInclusive,
                        @Nullable String to, boolean toInclusive) implements Filter {
    }

    public record Sort(String column, boolean descending) {
    }
}
