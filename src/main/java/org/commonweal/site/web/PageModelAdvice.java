package org.commonweal.site.web;

import jakarta.servlet.http.HttpServletRequest;
import org.commonweal.identity.CommonwealUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Gives every page controller's model the {@link Page} the layout renders from. */
@ControllerAdvice
class PageModelAdvice {

    private final MessageSource messages;

    PageModelAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("page")
    Page page(HttpServletRequest request, @Nullable CommonwealUser user) {
        return create(messages, request, user);
    }

    static Page create(MessageSource messages, HttpServletRequest request, @Nullable CommonwealUser user) {
        return new Page(messages, RequestContextUtils.getLocale(request), PreferencesInterceptor.elderly(request),
                request.getRequestURI(), request.getQueryString(), user,
                (CsrfToken) request.getAttribute(CsrfToken.class.getName()));
    }
}
