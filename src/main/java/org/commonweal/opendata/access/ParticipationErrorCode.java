package org.commonweal.opendata.access;

import org.commonweal.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/**
 * Why a participation action (an application, an access key, a request or error report, a
 * reuse) was refused. Messages live under {@code opendata.participation.error.*} so they never
 * collide with other modules' texts for similar codes.
 */
public enum ParticipationErrorCode implements ErrorCode {
    FIELD_MISSING(HttpStatus.BAD_REQUEST),
    FIELD_TOO_LONG(HttpStatus.BAD_REQUEST),
    FIELD_INVALID(HttpStatus.BAD_REQUEST),
    MARKUP_NOT_ALLOWED(HttpStatus.BAD_REQUEST),
    URL_INVALID(HttpStatus.BAD_REQUEST),
    PERIOD_INVALID(HttpStatus.BAD_REQUEST),
    DATASET_NOT_FOUND(HttpStatus.NOT_FOUND),
    NOT_CONDITIONAL(HttpStatus.CONFLICT),
    NOT_ELIGIBLE(HttpStatus.FORBIDDEN),
    APPLICATION_NOT_FOUND(HttpStatus.NOT_FOUND),
    NOT_YOUR_APPLICATION(HttpStatus.FORBIDDEN),
    NOT_YOUR_DEPARTMENT(HttpStatus.FORBIDDEN),
    ALREADY_DECIDED(HttpStatus.CONFLICT),
    STALE_VERSION(HttpStatus.CONFLICT),
    NOT_APPROVED(HttpStatus.CONFLICT),
    PERIOD_OVER(HttpStatus.CONFLICT),
    KEY_NOT_FOUND(HttpStatus.NOT_FOUND),
    FEEDBACK_NOT_FOUND(HttpStatus.NOT_FOUND),
    DEPARTMENT_NOT_FOUND(HttpStatus.BAD_REQUEST),
    DUPLICATE(HttpStatus.CONFLICT),
    REUSE_NOT_FOUND(HttpStatus.NOT_FOUND);

    private final HttpStatus status;

    ParticipationErrorCode(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String messageKey() {
        return "opendata.participation.error." + code();
    }
}
