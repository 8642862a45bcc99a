package org.commonweal.opendata;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How often a dataset is updated, from the EU frequency vocabulary. */
public enum Frequency {
    UPDATE_CONT("实时更新", "Continuously updated"),
    DAILY("每日", "Daily"),
    WEEKLY("每周", "Weekly"),
    MONTHLY("每月", "Monthly"),
    QUARTERLY("每季度", "Quarterly"),
    ANNUAL("每年", "Annual"),
    IRREG("不定期", "Irregular");

    private final String labelZh;
    private final String labelEn;

    Frequency(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelZh;
    }

    public String uri() {
        return "http://publications.europa.eu/resource/authority/frequency/" + name();
    }

    public static Optional<Frequency> find(String text) {
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(text)).findFirst();
    }
}
