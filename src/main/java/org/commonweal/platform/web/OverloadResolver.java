package org.commonweal.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers {@link Overload overload} 503 with {@code Retry-After} on every page and API, before the
 * catch-all handlers would call it an unexpected 500. The error page or problem detail is then
 * rendered by the application's error controller in the format the client asked for.
 */
@Component
class OverloadResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(OverloadResolver.class);

    @Override
    public int getOrder() {
        // after the Open311 resolver (which answers its own paths in its own format), before the controller advices
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
                                                   @Nullable Object handler, Exception exception) {
        if (!Overload.is(exception) || response.isCommitted()) {
            return null;
        }
        log.warn("Answered {} {} with 503: {}", request.getMethod(), request.getRequestURI(), exception.getMessage());
        Overload.askToRetryLater(response);
        try {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        } catch (IOException clientGone) {
            log.debug("Could not answer 503: the client went away", clientGone);
        }
        return new ModelAndView();
    }
}
