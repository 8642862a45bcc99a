package org.commonweal.site.web;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Language: a first visit follows the browser's {@code Accept-Language} (English if it prefers
 * English, Chinese otherwise); a choice made with the language switch is kept in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class SiteWebConfiguration implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final Locale ENGLISH = Locale.ENGLISH;

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("cw_lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            if (request.getHeader("Accept-Language") == null) {
                return CHINESE; // without the header the servlet container would offer its own default
            }
            for (Locale wanted : Collections.list(request.getLocales())) {
                if ("zh".equals(wanted.getLanguage())) {
                    return CHINESE;
                }
                if ("en".equals(wanted.getLanguage())) {
                    return ENGLISH;
                }
            }
            return CHINESE;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PreferencesInterceptor());
    }
}
