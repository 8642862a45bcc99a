package org.commonweal.requests.web;

import java.util.Arrays;
import java.util.List;

import org.commonweal.requests.web.ChartJson.Chart;
import org.commonweal.requests.web.ChartJson.Series;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Chart data placed in a script element: nothing in it can close the element, and it reads back the same. */
class ChartJsonUnitTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aNameCannotCloseTheScriptElementAndReadsBackUnchanged() {
        String name = "</script><script>alert('x' && 1)</script><!--\u2028";
        String written = ChartJson.write(json, new Chart(List.of(name),
                List.of(new Series("响应率", Arrays.asList(87.5, null))), null));

        assertThat(written).doesNotContain("<", ">", "&", "\u2028");
        JsonNode read = json.readTree(written);
        assertThat(read.get("labels").get(0).asString()).isEqualTo(name);
        assertThat(read.get("rates").get(0).get("values").get(1).isNull()).isTrue();
    }
}
