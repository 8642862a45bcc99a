package org.commonweal.opendata.datastore.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.commonweal.opendata.datastore.Column;
import org.commonweal.opendata.datastore.ColumnType;
import org.commonweal.opendata.datastore.DatastoreErrorCode;
import org.commonweal.opendata.datastore.DatastoreQuery;
import org.commonweal.opendata.datastore.DatastoreRefused;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryPlanUnitTest {

    static final List<Column> COLUMNS = List.of(new Column("区", "区", ColumnType.TEXT), new Column("金额", "金额", ColumnType.DECIMAL),
            new Column("日期", "日期", ColumnType.DATE), new Column("n", "n", ColumnType.INTEGER));
    static final String TABLE = "datastore.\"t\"";

    static QueryPlan plan(DatastoreQuery query) {
        return new QueryPlan(TABLE, COLUMNS, query);
    }

    @Test
    void usesGeneratedNamesAndBindsEveryValue() {
        QueryPlan plan = plan(DatastoreQuery.all()
                .withFilters(List.of(new DatastoreQuery.Equals("区", List.of("东城", "西城")),
                        new DatastoreQuery.Range("金额", "10", true, "20.5", false),
                        new DatastoreQuery.Equals("日期", List.of("2026-01-05", ""))))
                .withSort(List.of(new DatastoreQuery.Sort("金额", true)))
                .withFields(List.of("n", "区")));
        assertThat(plan.selectSql(10, 20, true)).isEqualTo("SELECT c3, c0 FROM datastore.\"t\" WHERE c0 IN (?, ?) AND c1 >= ? AND c1 < ?"
                + " AND (c2 IS NULL OR c2 = ?) ORDER BY c1 DESC, _id LIMIT 10 OFFSET 20");
        assertThat(plan.parameters()).containsExactly("东城", "西城", new BigDecimal("10"), new BigDecimal("20.5"), LocalDate.of(2026, 1, 5));
        assertThat(plan.filtered()).isTrue();
        assertThat(plan.fields()).extracting(Column::id).containsExactly("n", "区");
    }

    @Test
    void selectsTheRowIdAndEveryColumnByDefault() {
        QueryPlan plan = plan(DatastoreQuery.all());
        assertThat(plan.selectSql(100, 0, true)).isEqualTo("SELECT _id, c0, c1, c2, c3 FROM datastore.\"t\" ORDER BY _id LIMIT 100");
        assertThat(plan.countSql()).isEqualTo("SELECT count(*) FROM datastore.\"t\"");
        assertThat(plan.filtered()).isFalse();
    }

    @Test
    void searchesEveryCellAsLowerCaseText() {
        QueryPlan plan = plan(DatastoreQuery.all().withQ("  Road  东城 "));
        assertThat(plan.countSql()).contains("strpos(lower(concat_ws(' ', c0, c1::text, c2::text, c3::text)), ?) > 0 AND strpos(");
        assertThat(plan.parameters()).containsExactly("road", "东城");
    }

    @Test
    void refusesUnknownColumnsNamingTheParameter() {
        assertRefused(DatastoreQuery.all().withFields(List.of("c0")), "fields", DatastoreErrorCode.UNKNOWN_COLUMN);
        assertRefused(DatastoreQuery.all().withSort(List.of(new DatastoreQuery.Sort("金额; DROP TABLE x", false))), "sort",
                DatastoreErrorCode.UNKNOWN_COLUMN);
        assertRefused(DatastoreQuery.all().withFilters(List.of(new DatastoreQuery.Equals("_ID", List.of("1")))), "filters",
                DatastoreErrorCode.UNKNOWN_COLUMN);
    }

    @Test
    void refusesValuesOfTheWrongType() {
        assertRefused(DatastoreQuery.all().withFilters(List.of(new DatastoreQuery.Equals("n", List.of("1 OR 1=1")))), "filters",
                DatastoreErrorCode.VALUE_INVALID);
        assertRefused(DatastoreQuery.all().withFilters(List.of(new DatastoreQuery.Range("日期", "2026-13-01", true, null, false))),
                "filters", DatastoreErrorCode.VALUE_INVALID);
        assertRefused(DatastoreQuery.all().withFilters(List.of(new DatastoreQuery.Range("n", null, true, null, false))), "filters",
                DatastoreErrorCode.PARAMETER_INVALID);
        assertRefused(DatastoreQuery.all().withQ("a\0b"), "q", DatastoreErrorCode.VALUE_INVALID);
    }

    static void assertRefused(DatastoreQuery query, String parameter, DatastoreErrorCode code) {
        assertThatThrownBy(() -> plan(query)).isInstanceOfSatisfying(DatastoreRefused.class, e -> {
            assertThat(e.parameter()).isEqualTo(parameter);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
