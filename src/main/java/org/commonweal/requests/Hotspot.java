package org.commonweal.requests;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A category in a district whose requests rose from one week to the next: a candidate for
 * "one issue a month" (每月一题). The district is null for requests without a location.
 */
public record Hotspot(String categoryCode, String categoryZh, String categoryEn, @Nullable String districtCode,
                      @Nullable String districtZh, @Nullable String districtEn, long lastWeek, long weekBefore) {

    public String categoryName(Locale locale) {
        return english(locale) ? categoryEn : categoryZh;
    }

    public @Nullable String districtName(Locale locale) {
        return english(locale) ? districtEn : districtZh;
    }

    public long rise() {
        return lastWeek - weekBefore;
    }

    /** The rise in percent of the week before, rounded down; null when the week before had none (new). */
    public @Nullable Long risePercent() {
        return weekBefore == 0 ? null : rise() * 100 / weekBefore;
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
