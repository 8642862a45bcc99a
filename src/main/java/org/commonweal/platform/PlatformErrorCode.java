package org.commonweal.platform;

import org.springframework.http.HttpStatus;

/** Error codes that are not owned by any one business module. */
public enum PlatformErrorCode implements ErrorCode {
    INVALID_REQUEST(HttpStatus.BAD_REQUEST),
    MALFORMED_BODY(HttpStatus.BAD_REQUEST),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    CONFLICT(HttpStatus.CONFLICT),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR),
    /** Every database connection is in use (or the database is unreachable): worth trying again shortly. */
    SERVICE_BUSY(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus status;

    PlatformErrorCode(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    /** The code that fits an HTTP status the framework produced on its own. */
    public static PlatformErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> SERVICE_BUSY;
            default -> status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
        };
    }
}
