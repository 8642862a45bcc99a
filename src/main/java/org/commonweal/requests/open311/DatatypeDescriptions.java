package org.commonweal.requests.open311;

import java.util.Locale;

import org.commonweal.requests.CategoryAttribute.Datatype;

/** How to answer each datatype, for {@code datatype_description}; the limits are the ones submission checks. */
final class DatatypeDescriptions {

    private DatatypeDescriptions() {
    }

    static String of(Datatype datatype, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return switch (datatype) {
            case STRING -> english ? "Short text, at most 500 characters" : "简短文字，最多 500 字";
            case TEXT -> english ? "Text, at most 4000 characters" : "文字，最多 4000 字";
            case NUMBER -> english ? "A number, such as 12 or 3.5" : "数字，例如 12 或 3.5";
            case DATETIME -> english ? "A date and time such as 2026-11-26T09:30:00+08:00, or a date such as 2026-11-26"
                    : "日期和时间，例如 2026-11-26T09:30:00+08:00，或日期，例如 2026-11-26";
            case SINGLEVALUELIST -> english ? "One of the keys in values" : "values 中的一个 key";
            case MULTIVALUELIST -> english ? "One or more of the keys in values, sent as attribute[CODE][]=key once per key"
                    : "values 中的一个或多个 key，每个 key 发送一次 attribute[CODE][]=key";
        };
    }
}
