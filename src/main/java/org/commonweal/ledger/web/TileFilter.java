package org.commonweal.ledger.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.commonweal.ledger.internal.LedgerReader;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Serves hash tiles and entry bundles straight from the servlet container, ahead of Spring
 * Security and Spring MVC. They are public, immutable bytes that verifiers and mirrors fetch by
 * the thousand per second, and going through that machinery cost the application several times
 * what reading the tile does (ADR 14). Only a GET of a tile the log has is answered here;
 * anything else, errors included, goes on down the chain to {@link TlogTilesController}, which
 * answers it the usual way.
 */
final class TileFilter extends HttpFilter {

    private final LedgerReader reader;

    private TileFilter(LedgerReader reader) {
        this.reader = reader;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] tile;
        try {
            tile = reader.tile(request.getRequestURI().substring(TlogTilesController.PREFIX.length()));
        } catch (RuntimeException refusedOrFailed) {
            // The controller meets the same refusal or failure and answers it as a problem document.
            chain.doFilter(request, response);
            return;
        }
        response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, TlogTilesController.IMMUTABLE.getHeaderValue());
        // The one header of Spring Security's defaults that matters for bytes a browser may fetch.
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(tile.length);
        response.getOutputStream().write(tile);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<TileFilter> tileFilter(LedgerReader reader) {
            FilterRegistrationBean<TileFilter> registration = new FilterRegistrationBean<>(new TileFilter(reader));
            registration.addUrlPatterns(TlogTilesController.PREFIX + "tile/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
