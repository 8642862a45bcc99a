package org.commonweal.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonUnitTest {

    @Nested
    class Strings {

        /** RFC 8785 §3.2.2.2 example input "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/". */
        @Test
        void escapesOnlyQuoteBackslashAndControlCharactersAsTheRfcExampleShows() {
            String value = "€$\u000F\nA'B\"\\\\\"/";

            assertThat(CanonicalJson.toJson(value)).isEqualTo("\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"");
        }

        @Test
        void usesShortEscapesWhereJsonHasThemAndLowercaseHexOtherwise() {
            assertThat(CanonicalJson.toJson("\b\f\n\r\t\u0000\u001f")).isEqualTo("\"\\b\\f\\n\\r\\t\\u0000\\u001f\"");
        }

        @Test
        void writesDelLineSeparatorsAndAstralCharactersUnescaped() {
            assertThat(CanonicalJson.toJson("\u007f\u2028\u2029\uD83D\uDE00</script>")).isEqualTo("\"\u007f\u2028\u2029\uD83D\uDE00</script>\"");
        }

        @Test
        void refusesLoneSurrogates() {
            assertThatThrownBy(() -> CanonicalJson.toJson("a\uD800b")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CanonicalJson.toJson("\uDC00")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Objects {

        /** RFC 8785 §3.2.3: property names sort by their UTF-16 code units, not by code point or locale. */
        @Test
        void sortsKeysByUtf16CodeUnitsAsTheRfcSortingExampleShows() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("\u20ac", "Euro Sign");
            map.put("\r", "Carriage Return");
            map.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
            map.put("1", "One");
            map.put("\uD83D\uDE00", "Emoji: Grinning Face");
            map.put("\u0080", "Control");
            map.put("\u00f6", "Latin Small Letter O With Diaeresis");

            assertThat(CanonicalJson.toJson(map)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                    + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\",\"\uD83D\uDE00\":\"Emoji: Grinning Face\","
                    + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
        }

        /** RFC 8785 §3.2.2 example, with its numbers given as the doubles a JSON parser would produce. */
        @Test
        void canonicalizesTheRfcMainExample() {
            Map<String, Object> input = new HashMap<>();
            input.put("numbers", List.of(333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001));
            input.put("string", "€$\u000F\nA'B\"\\\\\"/");
            input.put("literals", Arrays.asList(null, true, false));

            String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                    + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
            assertThat(CanonicalJson.toJson(input)).isEqualTo(expected);
            assertThat(CanonicalJson.toUtf8(input)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void writesALedgerEntryCompactlyWithSortedKeys() {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", "grant");
            entry.put("amountCents", 125_000L);
            entry.put("recipient", "Zoë");
            entry.put("approved", true);
            entry.put("memo", null);

            assertThat(CanonicalJson.toJson(entry))
                    .isEqualTo("{\"amountCents\":125000,\"approved\":true,\"memo\":null,\"recipient\":\"Zoë\",\"type\":\"grant\"}");
        }

        @Test
        void writesNestedStructuresAndEmptyContainers() {
            assertThat(CanonicalJson.toJson(Map.of("b", List.of(), "a", Map.of("y", 1, "x", List.of(Map.of())))))
                    .isEqualTo("{\"a\":{\"x\":[{}],\"y\":1},\"b\":[]}");
        }
    }

    @Nested
    class Numbers {

        /** RFC 8785 Appendix B's IEEE-754 samples; expected strings are what ECMAScript (Node 20) prints. */
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2",
        })
        void formatsDoublesAsEcmaScriptDoes(String bits, String expected) {
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));

            assertThat(CanonicalJson.toJson(value)).isEqualTo(expected);
        }

        /** Subnormals, where the JDK's Double.toString prefers two close digits over one (4.9E-324). */
        @ParameterizedTest(name = "bits {0} -> {1}")
        @CsvSource({"1, 5e-324", "2, 1e-323", "3, 1.5e-323", "4, 2e-323", "6, 3e-323", "9, 4.4e-323", "10, 5e-323",
            "11, 5.4e-323", "12, 6e-323"})
        void picksOneDigitWheneverOneDigitRoundTrips(long bits, String expected) {
            assertThat(CanonicalJson.toJson(Double.longBitsToDouble(bits))).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"0.1, 0.1", "1e-7, 1e-7", "1.23e-18, 1.23e-18", "1e20, 100000000000000000000", "5e-7, 5e-7",
            "1.5e300, 1.5e+300", "-1.25e-8, -1.25e-8", "100.0, 100"})
        void switchesToExponentFormWhereEcmaScriptDoes(double value, String expected) {
            assertThat(CanonicalJson.toJson(value)).isEqualTo(expected);
        }

        @Test
        void writesIntegersUpToTheSafeLimitAndRefusesLarger() {
            assertThat(CanonicalJson.toJson(List.of(0, -7, (short) 3, (byte) -1, 9_007_199_254_740_991L)))
                    .isEqualTo("[0,-7,3,-1,9007199254740991]");
            assertThatThrownBy(() -> CanonicalJson.toJson(9_007_199_254_740_992L))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("string");
            assertThatThrownBy(() -> CanonicalJson.toJson(Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refusesValuesJsonCannotCarry() {
            assertThatThrownBy(() -> CanonicalJson.toJson(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CanonicalJson.toJson(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class UnsupportedInput {

        @Test
        void refusesTypesWithoutOneObviousCanonicalForm() {
            assertThatThrownBy(() -> CanonicalJson.toJson(1.5f)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CanonicalJson.toJson(new BigDecimal("1.5"))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CanonicalJson.toJson(Set.of("a"))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CanonicalJson.toJson(Map.of(1, "a"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("keys must be strings");
        }

        @Test
        void refusesCyclesInsteadOfOverflowingTheStack() {
            List<Object> cycle = new ArrayList<>();
            cycle.add(cycle);

            assertThatThrownBy(() -> CanonicalJson.toJson(cycle)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cycle");
        }
    }
}
