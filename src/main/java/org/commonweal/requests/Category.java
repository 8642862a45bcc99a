package org.commonweal.requests;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A kind of request people can make (an Open311 service).
 *
 * @param code the Open311 service code, a string
 * @param group a short key of the group it is listed under ({@code urban}, {@code transport}, ...)
 * @param department the member code of the responsible department; null when the supervisor routes it
 * @param timeLimit which time limits apply
 * @param location whether a place is required
 * @param keywords words people use for it, Chinese and English, for search
 */
public record Category(String code, String nameZh, String nameEn, String group, @Nullable String department,
                       TimeLimitClass timeLimit, boolean location, List<String> keywords,
                       List<CategoryAttribute> attributes) {

    public Category {
        keywords = List.copyOf(keywords);
        attributes = List.copyOf(attributes);
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }

    /** Whether the words match this category's code, names or keywords (case-insensitive). */
    public boolean matches(String words) {
        String query = words.strip().toLowerCase(Locale.ROOT);
        if (query.isEmpty()) {
            return true;
        }
        if (code.contains(query) || nameZh.contains(query) || nameEn.toLowerCase(Locale.ROOT).contains(query)) {
            return true;
        }
        return keywords.stream().anyMatch(keyword -> {
            String lower = keyword.toLowerCase(Locale.ROOT);
            return lower.contains(query) || query.contains(lower);
        });
    }
}
