package org.commonweal.ledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class ConsistencyProofResponseUnitTest {

    private static final List<byte[]> PROOF = MerkleFrontierUnitTest.leafHashes(3);
    private static final JsonMapper JACKSON = JsonMapper.builder().build();

    private static String answer(Object from, Object to, Object proof) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from);
        body.put("to", to);
        body.put("proof", proof);
        return JACKSON.writeValueAsString(body);
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }

    @Nested
    class Answers {

        @Test
        void readsTheProofHashesInOrder() {
            assertThat(ConsistencyProofResponse.parse(answer(10, 20, base64(PROOF)), 10, 20))
                    .containsExactlyElementsOf(PROOF);
        }

        @Test
        void acceptsWhitespaceExtraMembersAndEscapedSlashes() {
            String proof = base64(PROOF.subList(0, 1)).getFirst().replace("/", "\\/");
            String json = " {\n \"to\" : 20 , \"from\": 10, \"note\": [true, null, -1.5e3], \"proof\": [\"" + proof + "\"] }\n";

            assertThat(ConsistencyProofResponse.parse(json, 10, 20)).containsExactly(PROOF.getFirst());
        }

        @Test
        void refusesAProofForOtherSizesThanAskedFor() {
            assertThatThrownBy(() -> ConsistencyProofResponse.parse(answer(10, 21, base64(PROOF)), 10, 20))
                    .isInstanceOf(VerificationFailure.class)
                    .hasMessageContaining("\"to\": 21, but 20 was asked for");
        }

        @Test
        void refusesHashesThatAreNotThirtyTwoBytes() {
            assertThatThrownBy(() -> ConsistencyProofResponse.parse(answer(1, 2, List.of("AAAA")), 1, 2))
                    .isInstanceOf(VerificationFailure.class)
                    .hasMessageContaining("element 0 is 3 bytes");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "[]", "{\"from\":1,\"to\":2}", "{\"from\":1,\"to\":2,\"proof\":\"AAAA\"}", "{\"from\":1,\"to\":2,\"proof\":[1]}",
            "{\"from\":\"1\",\"to\":2,\"proof\":[]}", "{\"from\":1,\"to\":2,\"proof\":[\"not base64!\"]}",
        })
        void refusesAnswersOfTheWrongShape(String json) {
            assertThatThrownBy(() -> ConsistencyProofResponse.parse(json, 1, 2)).isInstanceOf(VerificationFailure.class);
        }
    }

    @Nested
    class JsonSyntax {

        @Test
        void readsEveryKindOfValue() {
            Object value = JsonReader.parse("{\"a\":[1,-0.5,2E+2,\"x\\u00e9\\n\",true,false,null],\"b\":{}}");

            assertThat(value).isEqualTo(Map.of(
                    "a", java.util.Arrays.asList(new BigDecimal("1"), new BigDecimal("-0.5"), new BigDecimal("2E+2"),
                            "x\u00e9\n", true, false, null),
                    "b", Map.of()));
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {
            "", "{", "{\"a\":1,}", "[1,]", "{\"a\":1}x", "{\"a\":1,\"a\":2}", "\"unterminated", "\"tab\there\"",
            "01", "1.", "-", "tru", "\"\\x\"", "\"\\u12\"", "{a:1}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        })
        void refusesWhatIsNotJson(String text) {
            assertThatThrownBy(() -> JsonReader.parse(text)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
