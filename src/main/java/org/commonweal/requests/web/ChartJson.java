package org.commonweal.requests.web;

import java.util.List;

import org.commonweal.platform.web.ScriptJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** Chart data for {@code request-charts.js}, written as {@link ScriptJson script-safe} JSON. */
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
        return ScriptJson.safe(json.writeValueAsString(chart));
    }
}
