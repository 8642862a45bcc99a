package org.commonweal.opendata.web;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.commonweal.opendata.internal.DownloadCounts;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Counts each successful download of a file ({@code /data/resources/{id}/download}) and of a
 * datastore export ({@code /data/datastore/{id}.csv|.json}) once it has been sent. One place for
 * both, so the datastore's controllers need not know about counting.
 */
@Configuration
class DownloadCounting implements WebMvcConfigurer, HandlerInterceptor {

    private static final Pattern RESOURCE = Pattern.compile(
            "^/data/(?:resources/([0-9a-fA-F-]{36})/download|datastore/([0-9a-fA-F-]{36})\\.(?:csv|json))$");

    private final DownloadCounts counts;

    DownloadCounting(DownloadCounts counts) {
        this.counts = counts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/data/resources/*/download", "/data/datastore/*");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                @Nullable Exception ex) {
        if (ex != null || response.getStatus() != HttpServletResponse.SC_OK || !"GET".equals(request.getMethod())) {
            return;
        }
        Matcher m = RESOURCE.matcher(request.getRequestURI());
        if (m.matches()) {
            try {
                counts.countOne(UUID.fromString(m.group(1) != null ? m.group(1) : m.group(2)));
            } catch (IllegalArgumentException notAnId) {
                // the controller answered 200 only for a real resource; nothing to count otherwise
            }
        }
    }
}
