package org.commonweal.site.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.platform.PlatformErrorCode;
import org.commonweal.platform.web.Overload;
import org.commonweal.platform.web.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The last stop for every error: people get a friendly page in their language with the request
 * id to quote, API clients a problem detail. Neither ever shows a stack trace.
 */
@Controller
class SiteErrorController implements ErrorController {

    private final Problems problems;
    private final MessageSource messages;

    SiteErrorController(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, HttpServletResponse response, @Nullable CommonwealUser user, Model model) {
        int status = status(request, response);
        response.setStatus(status);
        model.addAttribute("page", PageModelAdvice.create(messages, request, user));
        model.addAttribute("status", status);
        model.addAttribute("requestId", org.commonweal.platform.web.RequestIdFilter.current(request));
        return "error";
    }

    @RequestMapping("/error")
    @ResponseBody
    ResponseEntity<Map<String, Object>> problem(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        int status = status(request, response);
        PlatformErrorCode code = PlatformErrorCode.forStatus(status);
        String detail = switch (status) {
            case 404 -> "Nothing exists at this address.";
            case 405 -> "This method is not allowed here.";
            case 503 -> "The service is busy; try again in a few seconds (see Retry-After).";
            default -> status >= 500 ? "Something went wrong on our side. Quote the request id if you report it."
                    : "The request could not be understood.";
        };
        ProblemDetail problem = problems.of(code, detail, request, locale);
        problem.setStatus(status);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(java.net.URI.create(uri.toString()));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.asJson(problem));
    }

    /**
     * The status the error page answers with. No database connection to be had, even where it was
     * wanted before any controller (a filter checking an API token), is 503 with Retry-After.
     */
    private static int status(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure && Overload.is(failure)) {
            Overload.askToRetryLater(response);
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer status && status >= 400 ? status : 500;
    }
}
