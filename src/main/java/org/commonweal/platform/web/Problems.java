package org.commonweal.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.commonweal.platform.ErrorCode;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds RFC 9457 problem details that always carry a stable {@code code} and the request id. */
@Component
public class Problems {

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail of(ErrorCode errorCode, String detail, HttpServletRequest request, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(errorCode.status(), detail);
        problem.setType(URI.create("https://commonweal.org/problems/" + errorCode.code()));
        problem.setTitle(messages.getMessage(errorCode.messageKey(), null, errorCode.status().getReasonPhrase(), locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", errorCode.code());
        problem.setProperty("request_id", RequestIdFilter.current(request));
        return problem;
    }

    /**
     * The problem as the JSON object RFC 9457 describes, with extension members at the top level;
     * for code that writes a response outside Spring MVC's message converters (security filters).
     */
    public static Map<String, Object> asJson(ProblemDetail problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", String.valueOf(problem.getType()));
        json.put("title", problem.getTitle());
        json.put("status", problem.getStatus());
        json.put("detail", problem.getDetail());
        json.put("instance", String.valueOf(problem.getInstance()));
        if (problem.getProperties() != null) {
            json.putAll(problem.getProperties());
        }
        return json;
    }
}
