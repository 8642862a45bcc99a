package org.commonweal.exchange.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Streaming minimisation: only fields mapped to permitted items survive, at any depth, and broken input is refused. */
class MinimiserUnitTest {

    private static final Map<String, String> MAPPING = Map.of(
            "$.name", "name",
            "$.id", "id_number",
            "$.address.city", "city",
            "$.children[*].name", "child_name",
            "$.children[*].id", "child_id",
            "$.tags", "tags",
            "$.matrix[*][*].v", "value");

    private final Set<String> delivered = new HashSet<>();

    private String minimise(String json, Set<String> permitted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Minimiser(MAPPING, permitted).copy(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out, delivered);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Nested
    class Keeps {

        @Test
        void permittedFieldsAtEveryDepthAndNothingElse() {
            String json = """
                    {"name":"张三","id":"110101199003077777","secret":{"name":"x"},
                     "address":{"city":"清河","street":"1 Main St","geo":[1,2]},
                     "children":[{"name":"小明","id":"1101","school":"No. 1"},{"name":"小红"},"stray",[1]],
                     "tags":["a",{"b":[1,2]}],"n":1e400}""";
            assertThat(minimise(json, Set.of("name", "city", "child_name", "tags"))).isEqualTo(
                    "{\"name\":\"张三\",\"address\":{\"city\":\"清河\"},\"children\":[{\"name\":\"小明\"},{\"name\":\"小红\"}],"
                            + "\"tags\":[\"a\",{\"b\":[1,2]}]}");
            assertThat(delivered).containsExactlyInAnyOrder("name", "city", "child_name", "tags");
        }

        @Test
        void arraysOfArraysAndNumbersExactly() {
            assertThat(minimise("{\"matrix\":[[{\"v\":0.10000000000000000001,\"w\":2}],[{\"v\":-3}]]}", Set.of("value")))
                    .isEqualTo("{\"matrix\":[[{\"v\":0.10000000000000000001}],[{\"v\":-3}]]}");
        }

        @Test
        void nullsButDoesNotCountThemAsDelivered() {
            assertThat(minimise("{\"name\":null,\"id\":null}", Set.of("name"))).isEqualTo("{\"name\":null}");
            assertThat(delivered).isEmpty();
        }

        @Test
        void escapedAndHostileTextAsData() {
            String json = "{\"name\":\"<script>alert('x')</script>\\u0000\\\"; DROP TABLE--\",\"na\\u006de2\":1}";
            assertThat(minimise(json, Set.of("name")))
                    .isEqualTo("{\"name\":\"<script>alert('x')</script>\\u0000\\\"; DROP TABLE--\"}");
        }
    }

    @Nested
    class Removes {

        @Test
        void everythingWhenNoItemIsPermitted() {
            assertThat(minimise("{\"name\":\"张三\",\"children\":[{\"name\":\"x\"}]}", Set.of())).isEqualTo("{}");
        }

        @Test
        void aScalarWhereThePathExpectsAnObject() {
            assertThat(minimise("{\"address\":\"a string, not an object\",\"children\":\"none\"}", Set.of("city", "child_name")))
                    .isEqualTo("{}");
            assertThat(minimise("{\"address\":[{\"city\":\"x\"}],\"children\":{\"name\":\"y\"}}", Set.of("city", "child_name")))
                    .isEqualTo("{}");
        }

        @Test
        void aTopLevelScalarOrArrayThatNoPathReaches() {
            assertThat(minimise("\"110101199003077777\"", Set.of("name"))).isEqualTo("null");
            assertThat(minimise("[{\"name\":\"x\"}]", Set.of("name"))).isEqualTo("[]");
        }
    }

    @Nested
    class Refuses {

        @Test
        void brokenOrTruncatedJson() {
            for (String broken : new String[]{"", "{", "{\"name\":", "{\"name\":\"x\"", "[1,2", "{\"a\":[{]}", "not json",
                    "{\"name\":\"x\"} trailing", "{\"name\":\"x\"}{\"name\":\"y\"}"}) {
                assertThatThrownBy(() -> minimise(broken, Set.of("name"))).as(broken).isInstanceOf(JacksonException.class);
            }
        }

        @Test
        void nestingDeeperThanTheParserAllows() {
            String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
            assertThatThrownBy(() -> minimise(deep, Set.of("name"))).isInstanceOf(JacksonException.class);
        }

        @Test
        void invalidUtf8() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] broken = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            assertThatThrownBy(() -> new Minimiser(MAPPING, Set.of("name")).copy(new ByteArrayInputStream(broken), out, delivered))
                    .isInstanceOf(JacksonException.class);
        }
    }

    @Test
    void aMappingPathMustBeOfTheSupportedForm() {
        for (String path : new String[]{"name", "$", "$..name", "$.a[0]", "$['a']", "$.a.", "$.a b"}) {
            assertThatThrownBy(() -> FieldPath.parse(path)).as(path).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(FieldPath.parse("$.children[*].name").steps()).containsExactly("children", "[*]", "name");
        assertThat(FieldPath.parse("$[*].name").steps()).containsExactly("[*]", "name");
    }
}
