package org.commonweal.site.web;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Remembers the language ({@code ?lang=zh-CN|en}) and elderly mode (长辈版, {@code ?elderly=on|off})
 * chosen with plain links, so both switches work without JavaScript and survive the next visit.
 * Only the two languages we translate into can be chosen; anything else is ignored.
 */
class PreferencesInterceptor implements HandlerInterceptor {

    static final String COOKIE = "cw_elderly";
    private static final String ATTRIBUTE = PreferencesInterceptor.class.getName() + ".elderly";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String language = request.getParameter("lang");
        LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
        if (resolver != null && ("en".equals(language) || "zh-CN".equals(language))) {
            resolver.setLocale(request, response,
                    "en".equals(language) ? SiteWebConfiguration.ENGLISH : SiteWebConfiguration.CHINESE);
        }
        String asked = request.getParameter("elderly");
        if ("on".equals(asked) || "off".equals(asked)) {
            boolean on = "on".equals(asked);
            request.setAttribute(ATTRIBUTE, on);
            response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, on ? "on" : "off").path("/")
                    .maxAge(Duration.ofDays(365)).httpOnly(true).sameSite("Lax").build().toString());
        }
        return true;
    }

    static boolean elderly(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Boolean on) {
            return on;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return "on".equals(cookie.getValue());
                }
            }
        }
        return false;
    }
}
