package org.commonweal.requests.open311;

import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.commonweal.platform.web.Overload;
import org.commonweal.platform.web.RequestIdFilter;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.commonweal.requests.RequestRefused;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error under {@code /open311/} gets the spec's error body in the format the path asked for.
 * A resolver scoped by path rather than a controller advice, because some errors come before any
 * Open311 controller is chosen (an unknown path, a wrong method, an oversized upload) and a
 * controller advice never sees those. Paths elsewhere are left to the application's own handlers.
 */
@Component
class Open311ErrorResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(Open311ErrorResolver.class);
    private static final String PREFIX = "/open311/";

    @Override
    public int getOrder() {
        // after Spring Boot's DefaultErrorAttributes (which only records the error), before every other resolver
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
                                                   @Nullable Object handler, Exception exception) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(PREFIX) || response.isCommitted()) {
            return null;
        }
        Open311Error error = describe(exception, request);
        if (error.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            Overload.askToRetryLater(response);
        }
        if (exception instanceof HttpRequestMethodNotSupportedException wrongMethod) {
            Set<HttpMethod> allowed = wrongMethod.getSupportedHttpMethods();
            if (allowed != null) {
                response.setHeader(HttpHeaders.ALLOW, allowed.stream().map(HttpMethod::name).collect(Collectors.joining(", ")));
            }
        }
        write(response, Open311Writer.error(Format.forErrorsAt(path), error.status(), error.getMessage()));
        return new ModelAndView();
    }

    private static Open311Error describe(Exception exception, HttpServletRequest request) {
        return switch (exception) {
            case Open311Error error -> error;
            case RequestRefused refused -> new Open311Error(refused.code().status(), refused.getMessage());
            case NoResourceFoundException notFound -> Open311Error.notFound(
                    "Nothing exists at this address; see /open311/v2/discovery.json for the GeoReport v2 endpoints");
            case HttpRequestMethodNotSupportedException wrongMethod -> new Open311Error(HttpStatus.METHOD_NOT_ALLOWED,
                    "Method " + wrongMethod.getMethod() + " is not allowed here");
            case MaxUploadSizeExceededException tooLarge -> new Open311Error(HttpStatus.CONTENT_TOO_LARGE,
                    "The request is too large; send photos of at most 10 MB each");
            case MultipartException unreadable -> Open311Error.badRequest("The multipart/form-data body could not be read");
            // Tomcat refuses to read parameters that are not valid UTF-8 or a form over 1 MB, on first access
            case InvalidParameterException unreadable -> unreadable.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
                    ? new Open311Error(HttpStatus.CONTENT_TOO_LARGE, "The form is too large: at most 1 MB")
                    : Open311Error.badRequest("The parameters could not be read: percent-encode them as UTF-8");
            case ErrorResponse framework -> new Open311Error(
                    Objects.requireNonNullElse(HttpStatus.resolve(framework.getStatusCode().value()), HttpStatus.BAD_REQUEST),
                    "The request could not be understood: check the method, parameters and Content-Type");
            case Exception busy when Overload.is(busy) -> new Open311Error(HttpStatus.SERVICE_UNAVAILABLE,
                    "The service is busy; try again in " + Overload.RETRY_AFTER_SECONDS + " seconds (see Retry-After)");
            default -> {
                log.error("Unexpected error answering Open311 {} {}", request.getMethod(), request.getRequestURI(), exception);
                yield new Open311Error(HttpStatus.INTERNAL_SERVER_ERROR,
                        "Something went wrong on our side; quote request id " + RequestIdFilter.current(request)
                                + " if you report it");
            }
        };
    }

    private static void write(HttpServletResponse response, ResponseEntity<byte[]> error) {
        response.resetBuffer();
        response.setStatus(error.getStatusCode().value());
        error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        try {
            response.getOutputStream().write(error.getBody());
        } catch (IOException clientGone) {
            log.debug("Could not write an Open311 error: the client went away", clientGone);
        }
    }
}
