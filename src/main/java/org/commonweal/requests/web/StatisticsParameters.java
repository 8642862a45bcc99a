package org.commonweal.requests.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.commonweal.platform.CommonwealException;
import org.commonweal.requests.RequestStatistics.Dimension;
import org.commonweal.requests.StatisticsErrorCode;
import org.jspecify.annotations.Nullable;

/** Reads the statistics page's query parameters; anything else than they allow is a 400 that says why. */
final class StatisticsParameters {

    /** Before this, no figures can exist; it also keeps absurd years out of date arithmetic. */
    static final YearMonth FIRST_MONTH = YearMonth.of(2000, 1);

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private StatisticsParameters() {
    }

    /** The month asked for, this month when none: from {@link #FIRST_MONTH} to the current month. */
    static YearMonth month(@Nullable String month, YearMonth current) {
        if (month == null || month.isBlank()) {
            return current;
        }
        try {
            if (MONTH.matcher(month).matches()) {
                YearMonth parsed = YearMonth.parse(month);
                if (!parsed.isBefore(FIRST_MONTH) && !parsed.isAfter(current)) {
                    return parsed;
                }
            }
        } catch (DateTimeParseException invalid) {
            // 2026-13: well-formed, but no month; refused below like any other
        }
        throw new CommonwealException(StatisticsErrorCode.STATISTICS_MONTH_INVALID,
                "The month must be written year-month (e.g. " + current + "), from " + FIRST_MONTH + " to " + current,
                FIRST_MONTH.toString(), current.toString());
    }

    /** How to group, by department when not said. */
    static Dimension dimension(@Nullable String by) {
        if (by == null || by.isBlank()) {
            return Dimension.DEPARTMENT;
        }
        for (Dimension dimension : Dimension.values()) {
            if (name(dimension).equals(by)) {
                return dimension;
            }
        }
        throw new CommonwealException(StatisticsErrorCode.STATISTICS_DIMENSION_INVALID,
                "Group by department, district or category");
    }

    /** The parameter value and message-key part for a dimension: {@code department}, ... */
    static String name(Dimension dimension) {
        return dimension.name().toLowerCase(Locale.ROOT);
    }
}
