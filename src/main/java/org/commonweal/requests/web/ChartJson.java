package org.commonweal.requests.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chart data for {@code request-charts.js}, written as JSON that can sit inside a
 * {@code <script type="application/json">} element: a name such as {@code </script><script>...}
 * must not end the element. JSON allows {@code <}, {@code >} and {@code &} only inside strings,
 * where the escapes {@code \u003c} ... mean the same characters, so the data stays the same.
 */
final class ChartJson {

    /** One line or set of bars; null where there is no value (a rate without denominator). */
    record Series(String name, List<@Nullable Double> values) {
    }

    /** Category or month labels, the rates in percent, and for the trend the counts received. */
    record Chart(List<String> labels, List<Series> rates, @Nullable Series received) {
    }

    private ChartJson() {
    }

    static String write(JsonMapper json, Chart chart) {
        return scriptSafe(json.writeValueAsString(chart));
    }

    static String scriptSafe(String json) {
        StringBuilder safe = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> safe.append("\\u003c");
                case '>' -> safe.append("\\u003e");
                case '&' -> safe.append("\\u0026");
                case '\u2028' -> safe.append("\\u2028");
                case '\u2029' -> safe.append("\\u2029");
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }
}
