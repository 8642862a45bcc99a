package org.commonweal.requests.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.commonweal.requests.Hotspots;
import org.commonweal.requests.MonthlyRates;
import org.commonweal.requests.RateRow;
import org.commonweal.requests.RequestStatistics;
import org.commonweal.requests.RequestStatistics.Dimension;
import org.commonweal.requests.ThreeRates;
import org.commonweal.requests.TrendPoint;
import org.commonweal.requests.web.ChartJson.Chart;
import org.commonweal.requests.web.ChartJson.Series;
import org.commonweal.requests.web.StatisticsView.HotspotWeek;
import org.commonweal.requests.web.StatisticsView.RankLine;
import org.commonweal.requests.web.StatisticsView.RateLine;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public performance page of the 12345 channel (接诉即办): the three rates of a month per
 * department, district or category, the ranking, the city's trend and the week's hotspots. Every
 * chart has a table with the same numbers under it, which is all a reader without JavaScript needs.
 */
@Controller
class RequestStatisticsController {

    private static final int TREND_MONTHS = 12;

    private final RequestStatistics statistics;
    private final MessageSource messages;
    private final JsonMapper json;

    RequestStatisticsController(RequestStatistics statistics, MessageSource messages, JsonMapper json) {
        this.statistics = statistics;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/statistics/requests")
    String statistics(@RequestParam(required = false) @Nullable String month,
                      @RequestParam(required = false) @Nullable String by, Locale locale, Model model) {
        YearMonth current = statistics.currentMonth();
        YearMonth shown = StatisticsParameters.month(month, current);
        Dimension dimension = StatisticsParameters.dimension(by);

        MonthlyRates rates = statistics.month(shown);
        // the month shown is counted already: the trend's query only reads the months before it
        List<TrendPoint> trend = new ArrayList<>(statistics.monthlyTrend(shown.minusMonths(1), TREND_MONTHS - 1));
        trend.add(new TrendPoint(shown, rates.total()));
        // the last complete week of the month shown; of this month, the one that ended last Sunday
        Hotspots hotspots = shown.equals(current) ? statistics.hotspots() : statistics.hotspots(shown.atEndOfMonth());

        model.addAttribute("view", view(shown, current, dimension, rates, trend, hotspots,
                new LocalisedFigures(messages, locale)));
        return "requests/statistics";
    }

    private StatisticsView view(YearMonth shown, YearMonth current, Dimension dimension, MonthlyRates rates,
                                List<TrendPoint> trend, Hotspots hotspots, LocalisedFigures figures) {
        List<RateRow> rows = rates.rows(dimension);
        List<RateLine> lines = rows.stream().map(row -> figures.line(figures.name(row, dimension), row.rates())).toList();
        List<RateLine> trendLines = trend.stream()
                .map(point -> figures.line(figures.month(point.month()), point.rates())).toList();
        Series received = new Series(figures.t("statistics.received"),
                trend.stream().map(point -> (double) point.rates().received()).toList());
        return new StatisticsView(shown.toString(), StatisticsParameters.FIRST_MONTH.toString(), current.toString(),
                figures.month(shown), shown.equals(current), StatisticsParameters.name(dimension),
                Arrays.stream(Dimension.values()).map(StatisticsParameters::name).toList(),
                lines, figures.line(figures.t("statistics.total"), rates.total()),
                ranking(rates, Dimension.DEPARTMENT, figures), ranking(rates, Dimension.DISTRICT, figures),
                trendLines, figures.month(trend.getFirst().month()), figures.month(shown),
                hotspotWeek(hotspots, figures),
                chart(lines, rows.stream().map(RateRow::rates).toList(), null, figures),
                chart(trendLines, trend.stream().map(TrendPoint::rates).toList(), received, figures));
    }

    private static List<RankLine> ranking(MonthlyRates rates, Dimension dimension, LocalisedFigures figures) {
        return rates.ranking(dimension).stream()
                .map(ranked -> new RankLine(ranked.rank(), LocalisedFigures.percentText(ranked.row().rates().score()),
                        figures.line(figures.name(ranked.row(), dimension), ranked.row().rates())))
                .toList();
    }

    private static HotspotWeek hotspotWeek(Hotspots hotspots, LocalisedFigures figures) {
        return new HotspotWeek(figures.day(hotspots.monday()), figures.day(hotspots.sunday()),
                figures.day(hotspots.previousMonday()), figures.day(hotspots.previousSunday()),
                hotspots.minimumCount(), hotspots.minimumRisePercent(),
                hotspots.hotspots().stream().map(figures::hotspot).toList());
    }

    private String chart(List<RateLine> lines, List<ThreeRates> rates, @Nullable Series received,
                         LocalisedFigures figures) {
        return ChartJson.write(json, new Chart(lines.stream().map(RateLine::name).toList(), List.of(
                series(figures.t("statistics.response_rate"), rates, ThreeRates::responseRate),
                series(figures.t("statistics.resolution_rate"), rates, ThreeRates::resolutionRate),
                series(figures.t("statistics.satisfaction_rate"), rates, ThreeRates::satisfactionRate)), received));
    }

    private static Series series(String name, List<ThreeRates> rates, Function<ThreeRates, @Nullable Double> rate) {
        return new Series(name, rates.stream().map(r -> LocalisedFigures.percent(rate.apply(r))).toList());
    }
}
