package org.commonweal.site.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.platform.CommonwealException;
import org.commonweal.platform.web.RequestIdFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refused action on a page shows the error page with the reason, in the reader's language. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private final MessageSource messages;

    PageExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(CommonwealException.class)
    String refused(CommonwealException e, HttpServletRequest request, HttpServletResponse response,
                   @Nullable CommonwealUser user, Model model) {
        int status = e.errorCode().status().value();
        response.setStatus(status);
        Page page = PageModelAdvice.create(messages, request, user);
        model.addAttribute("page", page);
        model.addAttribute("status", status);
        model.addAttribute("reason", page.t(e.errorCode().messageKey(), e.arguments()));
        model.addAttribute("requestId", RequestIdFilter.current(request));
        return "error";
    }
}
