package org.commonweal.opendata.datastore.load;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnNamesUnitTest {

    @Test
    void cleansLabelsIntoIds() {
        assertThat(ColumnNames.ids(List.of(" 所属 区县 ", "a\"b", "__private", "tab\there", "\uFEFFbom", "line\nbreak")))
                .containsExactly("所属_区县", "ab", "private", "tab_here", "bom", "line_break");
    }

    @Test
    void namesBlankColumnsByPosition() {
        assertThat(ColumnNames.ids(List.of("a", "", "  ", "\"\""))).containsExactly("a", "column_2", "column_3", "column_4");
    }

    @Test
    void makesRepeatsUniqueIgnoringCaseAndAvoidsTheRowId() {
        assertThat(ColumnNames.ids(List.of("x", "X", "x", "x_2", "_id", "ID")))
                .containsExactly("x", "X_2", "x_3", "x_2_2", "id", "ID_2");
    }

    @Test
    void cutsLongNamesToSixtyThreeBytesWithoutSplittingACharacter() {
        List<String> ids = ColumnNames.ids(List.of("数".repeat(40), "数".repeat(40)));
        assertThat(ids.getFirst()).isEqualTo("数".repeat(21));
        assertThat(ids.get(1)).isEqualTo("数".repeat(20) + "_2");
        ids.forEach(id -> assertThat(id.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63));
    }
}
