package org.commonweal.site.web;

import java.util.Locale;

import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Everything the layout needs for one page view: language, elderly mode, who is signed in, the
 * CSRF token for forms, and the localised messages. Templates receive it as {@code page}.
 */
public final class Page {

    private final MessageSource messages;
    private final Locale locale;
    private final boolean elderly;
    private final String path;
    private final @Nullable String query;
    private final @Nullable CommonwealUser user;
    private final @Nullable CsrfToken csrf;

    Page(MessageSource messages, Locale locale, boolean elderly, String path, @Nullable String query,
         @Nullable CommonwealUser user, @Nullable CsrfToken csrf) {
        this.messages = messages;
        this.locale = locale;
        this.elderly = elderly;
        this.path = path;
        this.query = query;
        this.user = user;
        this.csrf = csrf;
    }

    /** The localised text for a message key; a missing key shows itself so it is noticed. */
    public String t(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai"));

    /** A moment as people in the city read it: local date and time (Beijing time), to the minute. */
    public String time(java.time.@Nullable Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public Locale locale() {
        return locale;
    }

    /** The {@code lang} attribute value: {@code zh-CN} or {@code en}. */
    public String lang() {
        return english() ? "en" : "zh-CN";
    }

    public boolean english() {
        return "en".equals(locale.getLanguage());
    }

    public boolean elderly() {
        return elderly;
    }

    public String path() {
        return path;
    }

    /** This page in the other language (the choice is remembered in a cookie). */
    public String otherLanguageHref() {
        return withParameter("lang", english() ? "zh-CN" : "en");
    }

    /** This page with elderly mode switched the other way (remembered in a cookie). */
    public String otherModeHref() {
        return withParameter("elderly", elderly ? "off" : "on");
    }

    public @Nullable CommonwealUser user() {
        return user;
    }

    public boolean signedIn() {
        return user != null;
    }

    public boolean has(Role role) {
        return user != null && user.has(role);
    }

    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }

    /**
     * The message key of the confirmation to show after a redirect ({@code ?saved}, {@code ?registered},
     * {@code ?revoked}, {@code ?signedOut}), or null.
     */
    public @Nullable String notice() {
        if (query == null) {
            return null;
        }
        for (String flag : NOTICES) {
            if (query.equals(flag) || query.startsWith(flag + "&") || query.contains("&" + flag)) {
                return "notice." + flag;
            }
        }
        return null;
    }

    private static final java.util.List<String> NOTICES = java.util.List.of("saved", "registered", "revoked", "signedOut");

    public boolean isCurrent(String prefix) {
        return prefix.equals("/") ? path.equals("/") : path.startsWith(prefix);
    }

    private String withParameter(String name, String value) {
        return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang")
                .replaceQueryParam("elderly").queryParam(name, value).build().encode().toUriString();
    }
}
