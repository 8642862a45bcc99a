package org.commonweal.requests.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import org.commonweal.requests.Hotspot;
import org.commonweal.requests.RateRow;
import org.commonweal.requests.RequestStatistics.Dimension;
import org.commonweal.requests.ThreeRates;
import org.commonweal.requests.web.StatisticsView.HotspotLine;
import org.commonweal.requests.web.StatisticsView.RateLine;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/** Figures as the reader sees them: rates in percent with one decimal, names and dates in their language. */
final class LocalisedFigures {

    private final MessageSource messages;
    private final Locale locale;

    LocalisedFigures(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** The rate in percent rounded to one decimal: the same number in the table and in the chart. */
    static @Nullable Double percent(@Nullable Double rate) {
        return rate == null ? null : Math.round(rate * 1000) / 10.0;
    }

    static @Nullable String percentText(@Nullable Double rate) {
        Double percent = percent(rate);
        return percent == null ? null : String.format(Locale.ROOT, "%.1f%%", percent);
    }

    RateLine line(String name, ThreeRates rates) {
        return new RateLine(name, rates.received(), percentText(rates.responseRate()),
                percentText(rates.resolutionRate()), percentText(rates.satisfactionRate()), rates.rated());
    }

    /** The unit's name; the requests without one are "not yet routed" or "no location". */
    String name(RateRow row, Dimension dimension) {
        String name = row.name(locale);
        return name != null ? name : t("statistics.none." + StatisticsParameters.name(dimension));
    }

    HotspotLine hotspot(Hotspot hotspot) {
        String district = hotspot.districtName(locale);
        Long percent = hotspot.risePercent();
        return new HotspotLine(hotspot.categoryName(locale),
                district != null ? district : t("statistics.none.district"), hotspot.lastWeek(),
                hotspot.weekBefore(), hotspot.rise(), percent == null ? null : "+" + percent + "%");
    }

    String month(YearMonth month) {
        return format("statistics.month.pattern", month);
    }

    String day(LocalDate day) {
        return format("statistics.day.pattern", day);
    }

    String t(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    private String format(String patternKey, TemporalAccessor value) {
        return DateTimeFormatter.ofPattern(t(patternKey), locale).format(value);
    }
}
