package org.commonweal.opendata.datastore.load;

import org.commonweal.opendata.datastore.ColumnType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TypeInferenceUnitTest {

    static ColumnType typeOf(String... values) {
        TypeInference inference = new TypeInference();
        for (String value : values) {
            inference.accept(value);
        }
        return inference.type();
    }

    @Test
    void narrowsFromIntegerToDecimalToText() {
        assertThat(typeOf("1", "-20", " 3 ", "")).isEqualTo(ColumnType.INTEGER);
        assertThat(typeOf("1", "2.5", "-0.25", "1e3")).isEqualTo(ColumnType.DECIMAL);
        assertThat(typeOf("1", "2.5", "n/a")).isEqualTo(ColumnType.TEXT);
    }

    @Test
    void keepsCodesWithLeadingZerosAndGroupedNumbersAsText() {
        assertThat(typeOf("007", "123")).isEqualTo(ColumnType.TEXT);
        assertThat(typeOf("1,234")).isEqualTo(ColumnType.TEXT);
        assertThat(typeOf("+5")).isEqualTo(ColumnType.TEXT);
        assertThat(typeOf("NaN")).isEqualTo(ColumnType.TEXT);
        assertThat(typeOf("12345678901234567890")).as("beyond 64 bits").isEqualTo(ColumnType.DECIMAL);
    }

    @Test
    void readsOnlyRealIsoDatesAsDates() {
        assertThat(typeOf("2026-01-31", "2024-02-29")).isEqualTo(ColumnType.DATE);
        assertThat(typeOf("2026-02-30")).isEqualTo(ColumnType.TEXT);
        assertThat(typeOf("0000-01-01")).isEqualTo(ColumnType.TEXT);
        assertThat(typeOf("2026/01/31")).isEqualTo(ColumnType.TEXT);
        assertThat(typeOf("2026-01-31", "5")).isEqualTo(ColumnType.TEXT);
    }

    @Test
    void callsAColumnOfEmptyCellsText() {
        assertThat(typeOf("", " ", "")).isEqualTo(ColumnType.TEXT);
    }

    @Test
    void trimsOnlyTheSpacesPostgresqlIgnores() {
        assertThat(TypeInference.trimSpace(" \t5\r\n")).isEqualTo("5");
        assertThat(typeOf("\u30005")).as("ideographic space is not ignored by PostgreSQL").isEqualTo(ColumnType.TEXT);
    }

    @Test
    void readsTheEdgesOfEachTypeAsPostgresqlWould() {
        assertThat(TypeInference.isInteger("-0")).isTrue();
        assertThat(TypeInference.isInteger("-")).isFalse();
        assertThat(TypeInference.isInteger("999999999999999999")).isTrue();
        assertThat(TypeInference.isInteger("1000000000000000000")).as("19 digits may overflow").isFalse();
        assertThat(TypeInference.isDecimal("1.")).isFalse();
        assertThat(TypeInference.isDecimal(".5")).isFalse();
        assertThat(TypeInference.isDecimal("1e")).isFalse();
        assertThat(TypeInference.isDecimal("-1.5E-12")).isTrue();
        assertThat(TypeInference.isDecimal("1e123")).isFalse();
        assertThat(TypeInference.isDate("2024-02-29")).isTrue();
        assertThat(TypeInference.isDate("2023-02-29")).isFalse();
        assertThat(TypeInference.isDate("2023-00-10")).isFalse();
        assertThat(TypeInference.isDate("２０２３-01-10")).as("full-width digits").isFalse();
    }
}
