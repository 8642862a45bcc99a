package org.commonweal.opendata.datastore.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxPlainFormatterUnitTest {

    final XlsxReader.PlainFormatter formatter = new XlsxReader.PlainFormatter();

    @Test
    void writesNumbersAsPlainDigitsWhateverTheDisplayFormat() {
        assertThat(formatter.formatRawCellContents(1234.5, 4, "#,##0.00")).isEqualTo("1234.5");
        assertThat(formatter.formatRawCellContents(2000, 3, "#,##0")).isEqualTo("2000");
        assertThat(formatter.formatRawCellContents(0.15, 9, "0%")).isEqualTo("0.15");
        assertThat(formatter.formatRawCellContents(1e20, 0, "General")).isEqualTo("100000000000000000000");
    }

    @Test
    void writesDatesAsIsoText() {
        // 46082 is 2026-03-01 in Excel's 1900 date system
        assertThat(formatter.formatRawCellContents(46082, 14, "yyyy-mm-dd")).isEqualTo("2026-03-01");
        assertThat(formatter.formatRawCellContents(46082.5, 22, "m/d/yy h:mm")).isEqualTo("2026-03-01T12:00");
    }
}
