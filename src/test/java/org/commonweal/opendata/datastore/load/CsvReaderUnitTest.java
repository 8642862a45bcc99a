package org.commonweal.opendata.datastore.load;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.commonweal.opendata.datastore.DatastoreErrorCode;
import org.commonweal.opendata.datastore.DatastoreRefused;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderUnitTest {

    record Row(List<String> cells, long line) {
    }

    static List<Row> read(String csv, int maxField) throws IOException {
        List<Row> rows = new ArrayList<>();
        CsvReader.read(new StringReader(csv), maxField, new RowSink() {
            @Override
            public void header(List<String> labels, long line) {
                rows.add(new Row(List.copyOf(labels), line));
            }

            @Override
            public void row(List<String> cells, long line) {
                rows.add(new Row(List.copyOf(cells), line));
            }
        });
        return rows;
    }

    @Test
    void readsPlainQuotedAndEmptyFieldsWithTheirLines() throws IOException {
        assertThat(read("a,b,c\n1,\"x,y\",\n\"q\"\"q\",,3", 100)).containsExactly(
                new Row(List.of("a", "b", "c"), 1), new Row(List.of("1", "x,y", ""), 2), new Row(List.of("q\"q", "", "3"), 3));
    }

    @Test
    void countsLinesInsideQuotedFieldsAndSkipsBlankLines() throws IOException {
        assertThat(read("\n\na\r\n\"1\n2\"\r\n\r\n3\r4\n", 100)).containsExactly(
                new Row(List.of("a"), 3), new Row(List.of("1\n2"), 4), new Row(List.of("3"), 7), new Row(List.of("4"), 8));
    }

    @Test
    void keepsAQuotedEmptyLineAsARow() throws IOException {
        assertThat(read("a\n\"\"\n", 100)).containsExactly(new Row(List.of("a"), 1), new Row(List.of(""), 2));
    }

    @Test
    void readsATrailingEmptyFieldAtTheEnd() throws IOException {
        assertThat(read("a,b\n1,", 100)).last().isEqualTo(new Row(List.of("1", ""), 2));
    }

    @Test
    void refusesAFieldOverTheLimitWhileReadingIt() {
        assertThatThrownBy(() -> read("a\nok\n" + "x".repeat(11) + "\n", 10))
                .isInstanceOfSatisfying(DatastoreRefused.class, e -> {
                    assertThat(e.code()).isEqualTo(DatastoreErrorCode.FIELD_TOO_LONG);
                    assertThat(e.line()).isEqualTo(3);
                });
    }

    @Test
    void refusesAnUnclosedQuoteAtTheLineItOpened() {
        assertThatThrownBy(() -> read("a\n\"open\n\nstill open", 100))
                .isInstanceOfSatisfying(DatastoreRefused.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void refusesTextAfterAClosingQuote() {
        assertThatThrownBy(() -> read("a,b\n\"x\"y,1\n", 100))
                .isInstanceOfSatisfying(DatastoreRefused.class, e -> assertThat(e.code()).isEqualTo(DatastoreErrorCode.QUOTE_MALFORMED));
    }

    @Test
    void refusesNulCharacters() {
        assertThatThrownBy(() -> read("a\nx\0y\n", 100))
                .isInstanceOfSatisfying(DatastoreRefused.class, e -> assertThat(e.code()).isEqualTo(DatastoreErrorCode.NOT_TEXT));
    }
}
