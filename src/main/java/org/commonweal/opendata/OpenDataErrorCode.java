package org.commonweal.opendata;

import org.commonweal.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Why an open data action was refused. */
public enum OpenDataErrorCode implements ErrorCode {
    NAME_INVALID(HttpStatus.BAD_REQUEST),
    NAME_TAKEN(HttpStatus.CONFLICT),
    FIELD_MISSING(HttpStatus.BAD_REQUEST),
    FIELD_TOO_LONG(HttpStatus.BAD_REQUEST),
    FIELD_INVALID(HttpStatus.BAD_REQUEST),
    DATASET_NOT_FOUND(HttpStatus.NOT_FOUND),
    RESOURCE_NOT_FOUND(HttpStatus.NOT_FOUND),
    NOT_YOUR_DEPARTMENT(HttpStatus.FORBIDDEN),
    STALE_VERSION(HttpStatus.CONFLICT),
    WRONG_STATE(HttpStatus.CONFLICT),
    FILE_EMPTY(HttpStatus.BAD_REQUEST),
    FILE_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    FILE_TYPE_UNSUPPORTED(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    FILE_REFUSED(HttpStatus.UNPROCESSABLE_CONTENT),
    URL_INVALID(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    OpenDataErrorCode(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    /** Keys carry the module, so modules that share a code keep their own wording. */
    @Override
    public String messageKey() {
        return "opendata.error." + code();
    }
}
