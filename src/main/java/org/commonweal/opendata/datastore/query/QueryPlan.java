package org.commonweal.opendata.datastore.query;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.commonweal.opendata.datastore.Column;
import org.commonweal.opendata.datastore.ColumnType;
import org.commonweal.opendata.datastore.DatastoreErrorCode;
import org.commonweal.opendata.datastore.DatastoreQuery;
import org.commonweal.opendata.datastore.DatastoreRefused;
import org.jspecify.annotations.Nullable;

/**
 * The SQL for a {@link DatastoreQuery} over one loaded table. Every identifier in it is generated
 * here ({@code _id}, {@code c0}, {@code c1}, ... and the table name from the registry); every value
 * from the query is a bind parameter, read first as the column's type. A column id that is not in
 * the table, or a value that is not of the column's type, is refused before any SQL runs.
 */
public final class QueryPlan {

    /** The row number every table has; CKAN calls it {@code _id}. */
    public static final Column ROW_ID = new Column("_id", "_id", ColumnType.INTEGER);
    private static final int MAX_VALUES_PER_FILTER = 1000;
    private static final int MAX_SEARCH_WORDS = 20;

    private final String table;
    private final Map<String, Integer> positions = new HashMap<>();
    private final List<Column> columns;
    private final List<Column> selected = new ArrayList<>();
    private final List<String> selectedSql = new ArrayList<>();
    private final StringBuilder where = new StringBuilder();
    private final List<Object> whereParameters = new ArrayList<>();
    private final StringBuilder orderBy = new StringBuilder();
    private final boolean filtered;

    /**
     * @param table the quoted, schema-qualified table name from the registry
     * @param columns the table's columns; column {@code i} is stored as {@code c<i>}
     */
    public QueryPlan(String table, List<Column> columns, DatastoreQuery query) {
        this.table = table;
        this.columns = columns;
        for (int i = 0; i < columns.size(); i++) {
            positions.put(columns.get(i).id(), i);
        }
        select(query.fields());
        for (DatastoreQuery.Filter filter : query.filters()) {
            filter(filter);
        }
        search(query.q());
        this.filtered = !whereParameters.isEmpty() || !where.isEmpty();
        order(query.sort());
    }

    public List<Column> fields() {
        return List.copyOf(selected);
    }

    /** Whether any filter or search applies (else the total is the table's row count). */
    public boolean filtered() {
        return filtered;
    }

    public String selectSql(int limit, long offset, boolean limited) {
        return "SELECT " + String.join(", ", selectedSql) + " FROM " + table + whereSql() + " ORDER BY " + orderBy
                + (limited ? " LIMIT " + limit : "") + (offset > 0 ? " OFFSET " + offset : "");
    }

    public String countSql() {
        return "SELECT count(*) FROM " + table + whereSql();
    }

    public List<Object> parameters() {
        return List.copyOf(whereParameters);
    }

    private String whereSql() {
        return where.isEmpty() ? "" : " WHERE " + where;
    }

    private void select(@Nullable List<String> fields) {
        if (fields == null || fields.isEmpty()) {
            add(ROW_ID, "_id");
            for (int i = 0; i < columns.size(); i++) {
                add(columns.get(i), "c" + i);
            }
            return;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String field : fields) {
            if (!seen.add(field)) {
                continue;
            }
            add(column(field, "fields"), sql(field, "fields"));
        }
    }

    private void add(Column column, String sql) {
        selected.add(column);
        selectedSql.add(sql);
    }

    private void filter(DatastoreQuery.Filter filter) {
        Column column = column(filter.column(), "filters");
        String sql = sql(filter.column(), "filters");
        switch (filter) {
            case DatastoreQuery.Equals equals -> equalsAny(column, sql, equals.values());
            case DatastoreQuery.Range range -> range(column, sql, range);
        }
    }

    private void equalsAny(Column column, String sql, List<String> values) {
        if (values.isEmpty()) {
            throw refuse("filters", "the filter on \"" + column.id() + "\" gives no value.");
        }
        if (values.size() > MAX_VALUES_PER_FILTER) {
            throw refuse("filters", "the filter on \"" + column.id() + "\" gives more than " + MAX_VALUES_PER_FILTER + " values.");
        }
        List<String> conditions = new ArrayList<>();
        // one JDBC bind marker per value: values never enter the SQL text
        List<String> bindMarkers = new ArrayList<>();
        for (String value : values) {
            if (value.isEmpty()) {
                conditions.add(sql + " IS NULL");
            } else {
                bindMarkers.add("?");
                whereParameters.add(typed(column, value, "filters"));
            }
        }
        if (bindMarkers.size() == 1) {
            conditions.add(sql + " = ?");
        } else if (bindMarkers.size() > 1) {
            conditions.add(sql + " IN (" + String.join(", ", bindMarkers) + ")");
        }
        and(conditions.size() == 1 ? conditions.getFirst() : "(" + String.join(" OR ", conditions) + ")");
    }

    private void range(Column column, String sql, DatastoreQuery.Range range) {
        if (range.from() == null && range.to() == null) {
            throw refuse("filters", "the range on \"" + column.id() + "\" has neither a lower nor an upper bound.");
        }
        if (range.from() != null) {
            and(sql + (range.fromInclusive() ? " >= ?" : " > ?"));
            whereParameters.add(typed(column, range.from(), "filters"));
        }
        if (range.to() != null) {
            and(sql + (range.toInclusive() ? " <= ?" : " < ?"));
            whereParameters.add(typed(column, range.to(), "filters"));
        }
    }

    /** Every word must appear, ignoring case, somewhere in the row's cells. */
    private void search(@Nullable String q) {
        if (q == null || q.isBlank() || columns.isEmpty()) {
            return;
        }
        List<String> words = List.of(q.strip().toLowerCase(Locale.ROOT).split("\\s+"));
        if (words.size() > MAX_SEARCH_WORDS) {
            throw refuse("q", "give at most " + MAX_SEARCH_WORDS + " words to search for.");
        }
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            cells.add(columns.get(i).type() == ColumnType.TEXT ? "c" + i : "c" + i + "::text");
        }
        String row = "lower(concat_ws(' ', " + String.join(", ", cells) + "))";
        for (String word : words) {
            refuseNul(word, "q");
            and("strpos(" + row + ", ?) > 0");
            whereParameters.add(word);
        }
    }

    private void order(List<DatastoreQuery.Sort> sort) {
        List<String> keys = new ArrayList<>();
        boolean byRowId = false;
        for (DatastoreQuery.Sort key : sort) {
            column(key.column(), "sort");
            String sql = sql(key.column(), "sort");
            byRowId |= sql.equals("_id");
            // PostgreSQL's (and CKAN's) default places for empty cells: last ascending, first descending;
            // other placements could not walk the column's index and would sort the whole table
            keys.add(sql + (key.descending() ? " DESC" : ""));
        }
        if (!byRowId) {
            keys.add("_id");
        }
        orderBy.append(String.join(", ", keys));
    }

    private void and(String condition) {
        if (!where.isEmpty()) {
            where.append(" AND ");
        }
        where.append(condition);
    }

    private Column column(String id, String parameter) {
        if (id.equals(ROW_ID.id())) {
            return ROW_ID;
        }
        Integer position = positions.get(id);
        if (position == null) {
            throw DatastoreRefused.parameter(DatastoreErrorCode.UNKNOWN_COLUMN, parameter,
                    "field \"" + printable(id) + "\" not in table");
        }
        return columns.get(position);
    }

    private String sql(String id, String parameter) {
        if (id.equals(ROW_ID.id())) {
            return "_id";
        }
        Integer position = positions.get(id);
        if (position == null) {
            throw DatastoreRefused.parameter(DatastoreErrorCode.UNKNOWN_COLUMN, parameter,
                    "field \"" + printable(id) + "\" not in table");
        }
        return "c" + position;
    }

    /** A filter value read as the column's type, to bind as a parameter. */
    static Object typed(Column column, String value, String parameter) {
        refuseNul(value, parameter);
        String v = value.strip();
        try {
            return switch (column.type()) {
                case INTEGER -> Long.parseLong(v);
                case DECIMAL -> new BigDecimal(v);
                case DATE -> LocalDate.parse(v);
                case TEXT -> value;
            };
        } catch (NumberFormatException | DateTimeException e) {
            String expected = switch (column.type()) {
                case INTEGER -> "a whole number";
                case DECIMAL -> "a number";
                case DATE -> "a date written yyyy-mm-dd";
                case TEXT -> "text";
            };
            throw DatastoreRefused.parameter(DatastoreErrorCode.VALUE_INVALID, parameter,
                    "\"" + printable(value) + "\" is not " + expected + ", which field \"" + column.id() + "\" holds.");
        }
    }

    /** No table holds a NUL character, and PostgreSQL refuses one in a parameter. */
    private static void refuseNul(String value, String parameter) {
        if (value.indexOf('\0') >= 0) {
            throw DatastoreRefused.parameter(DatastoreErrorCode.VALUE_INVALID, parameter, "values cannot contain a NUL character.");
        }
    }

    private static DatastoreRefused refuse(String parameter, String message) {
        return DatastoreRefused.parameter(DatastoreErrorCode.PARAMETER_INVALID, parameter, message);
    }

    /** Enough of a user's text to recognise it in a message, without control characters. */
    static String printable(String text) {
        String cleaned = text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.length() > 80 ? cleaned.substring(0, 80) + "…" : cleaned;
    }
}
