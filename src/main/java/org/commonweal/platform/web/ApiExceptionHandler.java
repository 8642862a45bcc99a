package org.commonweal.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.commonweal.platform.CommonwealException;
import org.commonweal.platform.PlatformErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error from a JSON API becomes an RFC 9457 problem detail with a stable snake_case
 * {@code code}; nothing about the server's insides (stack traces, SQL) ever leaves it.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final Problems problems;

    ApiExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(CommonwealException.class)
    ResponseEntity<ProblemDetail> refused(CommonwealException e, HttpServletRequest request, Locale locale) {
        return respond(problems.of(e.errorCode(), e.getMessage(), request, locale));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request, Locale locale) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = problems.of(PlatformErrorCode.INVALID_REQUEST,
                "Some fields are not valid; see errors.", request, locale);
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    @ExceptionHandler({ConstraintViolationException.class, HandlerMethodValidationException.class,
            MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> invalidParameter(Exception e, HttpServletRequest request, Locale locale) {
        String detail = e instanceof MethodArgumentTypeMismatchException mismatch
                ? "Parameter '" + mismatch.getName() + "' has the wrong type."
                : e instanceof MissingServletRequestParameterException missing
                        ? "Parameter '" + missing.getParameterName() + "' is required."
                        : "Some parameters are not valid.";
        return respond(problems.of(PlatformErrorCode.INVALID_REQUEST, detail, request, locale));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpServletRequest request, Locale locale) {
        return respond(problems.of(PlatformErrorCode.MALFORMED_BODY,
                "The request body is not valid JSON of the expected shape (UTF-8).", request, locale));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedType(HttpServletRequest request, Locale locale) {
        return respond(problems.of(PlatformErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "Send the body as application/json.", request, locale));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpServletRequest request, Locale locale) {
        return respond(problems.of(PlatformErrorCode.NOT_ACCEPTABLE,
                "This resource is available as application/json.", request, locale));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request, Locale locale) {
        return respond(problems.of(PlatformErrorCode.METHOD_NOT_ALLOWED,
                "Method " + e.getMethod() + " is not allowed here.", request, locale));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest request, Locale locale) {
        return respond(problems.of(PlatformErrorCode.PAYLOAD_TOO_LARGE, "The request is too large.", request, locale));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> notFound(HttpServletRequest request, Locale locale) {
        return respond(problems.of(PlatformErrorCode.NOT_FOUND, "Nothing exists at this address.", request, locale));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(HttpServletRequest request, Locale locale) {
        return respond(problems.of(PlatformErrorCode.FORBIDDEN,
                "Your role does not allow this action.", request, locale));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(HttpServletRequest request, Locale locale) {
        return respond(problems.of(PlatformErrorCode.UNAUTHENTICATED,
                "Sign in or send a valid API token.", request, locale));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request, Locale locale) {
        log.error("Unexpected error answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(problems.of(PlatformErrorCode.INTERNAL_ERROR,
                "Something went wrong on our side. Quote the request id if you report it.", request, locale));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
