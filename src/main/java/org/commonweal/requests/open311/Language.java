package org.commonweal.requests.open311;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/**
 * The language of names and descriptions: English when the client's {@code Accept-Language}
 * prefers English to Chinese, otherwise Chinese, the city's language. Open311 clients are
 * machines without sessions or cookies, so the header is the only signal.
 */
final class Language {

    private static final List<String> OFFERED = List.of("zh", "en");

    private Language() {
    }

    static Locale of(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.length() > 500) {
            return Locale.CHINESE;
        }
        try {
            String best = Locale.lookupTag(Locale.LanguageRange.parse(header), OFFERED);
            return "en".equals(best) ? Locale.ENGLISH : Locale.CHINESE;
        } catch (IllegalArgumentException malformed) {
            return Locale.CHINESE;
        }
    }
}
