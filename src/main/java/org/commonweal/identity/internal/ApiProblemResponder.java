package org.commonweal.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.commonweal.platform.PlatformErrorCode;
import org.commonweal.platform.web.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.json.JsonMapper;

/** Answers API callers who are not signed in, or not allowed, with an RFC 9457 problem detail. */
@Component
class ApiProblemResponder implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Problems problems;
    private final JsonMapper json;

    ApiProblemResponder(Problems problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, problems.of(PlatformErrorCode.UNAUTHENTICATED,
                "Send a valid API token as 'Authorization: Bearer <token>', or sign in.", request,
                RequestContextUtils.getLocale(request)));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String detail = e instanceof CsrfException
                ? "A signed-in browser must send the CSRF token with this request."
                : "Your role does not allow this action.";
        write(response, problems.of(PlatformErrorCode.FORBIDDEN, detail, request, RequestContextUtils.getLocale(request)));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), Problems.asJson(problem));
    }
}
