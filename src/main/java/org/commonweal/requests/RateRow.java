package org.commonweal.requests;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The three rates of one department, district or category. The key (department id, district code
 * or category code) is null for the requests without one: not yet routed, or without a location.
 * The names are null exactly when the key is.
 */
public record RateRow(@Nullable String key, @Nullable String nameZh, @Nullable String nameEn, ThreeRates rates) {

    public @Nullable String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
