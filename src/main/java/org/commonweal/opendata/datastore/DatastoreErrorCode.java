package org.commonweal.opendata.datastore;

import org.commonweal.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Why the datastore refused a file or a query. */
public enum DatastoreErrorCode implements ErrorCode {
    // loading a file
    FILE_EMPTY(HttpStatus.BAD_REQUEST),
    FILE_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
    FORMAT_UNSUPPORTED(HttpStatus.BAD_REQUEST),
    NOT_TEXT(HttpStatus.BAD_REQUEST),
    ENCODING_UNREADABLE(HttpStatus.BAD_REQUEST),
    HEADER_MISSING(HttpStatus.BAD_REQUEST),
    TOO_MANY_COLUMNS(HttpStatus.BAD_REQUEST),
    ROW_WIDTH_MISMATCH(HttpStatus.BAD_REQUEST),
    FIELD_TOO_LONG(HttpStatus.BAD_REQUEST),
    QUOTE_MALFORMED(HttpStatus.BAD_REQUEST),
    NOT_A_WORKBOOK(HttpStatus.BAD_REQUEST),
    WORKBOOK_SUSPICIOUS(HttpStatus.BAD_REQUEST),
    VALUE_UNSTORABLE(HttpStatus.BAD_REQUEST),
    // querying
    RESOURCE_NOT_LOADED(HttpStatus.NOT_FOUND),
    UNKNOWN_COLUMN(HttpStatus.BAD_REQUEST),
    VALUE_INVALID(HttpStatus.BAD_REQUEST),
    PARAMETER_INVALID(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    DatastoreErrorCode(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    /** Keys carry the module, so modules that share a code keep their own wording. */
    @Override
    public String messageKey() {
        return "opendata.datastore.error." + code();
    }
}
