package org.commonweal.requests;

import org.commonweal.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Why a request action was refused. */
public enum RequestsErrorCode implements ErrorCode {
    UNKNOWN_CATEGORY(HttpStatus.BAD_REQUEST),
    DESCRIPTION_MISSING(HttpStatus.BAD_REQUEST),
    DESCRIPTION_TOO_LONG(HttpStatus.BAD_REQUEST),
    LOCATION_MISSING(HttpStatus.BAD_REQUEST),
    LOCATION_OUT_OF_RANGE(HttpStatus.BAD_REQUEST),
    ADDRESS_TOO_LONG(HttpStatus.BAD_REQUEST),
    ATTRIBUTE_UNKNOWN(HttpStatus.BAD_REQUEST),
    ATTRIBUTE_MISSING(HttpStatus.BAD_REQUEST),
    ATTRIBUTE_INVALID(HttpStatus.BAD_REQUEST),
    CONTACT_MISSING(HttpStatus.BAD_REQUEST),
    CONTACT_INVALID(HttpStatus.BAD_REQUEST),
    PHOTO_REJECTED(HttpStatus.BAD_REQUEST),
    TOO_MANY_PHOTOS(HttpStatus.BAD_REQUEST),
    REQUEST_NOT_FOUND(HttpStatus.NOT_FOUND),
    NOT_YOUR_REQUEST(HttpStatus.FORBIDDEN),
    NOT_YOUR_DEPARTMENT(HttpStatus.FORBIDDEN),
    WRONG_STATUS(HttpStatus.CONFLICT),
    STALE_VERSION(HttpStatus.CONFLICT),
    REASON_MISSING(HttpStatus.BAD_REQUEST),
    TRANSFER_LIMIT_REACHED(HttpStatus.CONFLICT),
    TRANSFER_TARGET_INVALID(HttpStatus.BAD_REQUEST),
    REOPEN_WINDOW_CLOSED(HttpStatus.CONFLICT),
    RATING_INVALID(HttpStatus.BAD_REQUEST),
    MERGE_TARGET_INVALID(HttpStatus.BAD_REQUEST),
    NOTE_TOO_LONG(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    RequestsErrorCode(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
