package org.commonweal.opendata.datastore.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.commonweal.opendata.datastore.Column;
import org.commonweal.opendata.datastore.ColumnType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportUnitTest {

    @Test
    void neutralisesEveryCharacterThatCanStartAFormula() {
        for (String cell : List.of("=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(CsvExport.neutralised(cell)).isEqualTo("'" + cell);
        }
        assertThat(CsvExport.neutralised("a=b")).isEqualTo("a=b");
        assertThat(CsvExport.neutralised("")).isEmpty();
    }

    @Test
    void writesTheByteOrderMarkQuotesWhatNeedsItAndLeavesNumbersAlone() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport csv = new CsvExport(out);
        csv.start(List.of(new Column("n", "n", ColumnType.INTEGER), new Column("d", "d", ColumnType.DECIMAL),
                new Column("t", "t", ColumnType.TEXT)));
        csv.row(Arrays.asList(-5L, new BigDecimal("-1.50"), "-cmd|' /C calc'!A0"));
        csv.row(Arrays.asList(null, null, "a,\"b\"\n东城"));
        csv.finish();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFn,d,t\r\n-5,-1.50,'-cmd|' /C calc'!A0\r\n,,\"a,\"\"b\"\"\n东城\"\r\n");
    }
}
