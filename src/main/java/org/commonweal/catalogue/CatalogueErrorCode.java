package org.commonweal.catalogue;

import org.commonweal.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Why a catalogue action was refused. */
public enum CatalogueErrorCode implements ErrorCode {
    RESOURCE_NOT_FOUND(HttpStatus.NOT_FOUND),
    CODE_INVALID(HttpStatus.BAD_REQUEST),
    CODE_TAKEN(HttpStatus.CONFLICT),
    CLASSIFICATION_INVALID(HttpStatus.BAD_REQUEST),
    NAME_MISSING(HttpStatus.BAD_REQUEST),
    FIELD_TOO_LONG(HttpStatus.BAD_REQUEST),
    FIELD_INVALID(HttpStatus.BAD_REQUEST),
    PROVIDER_UNKNOWN(HttpStatus.BAD_REQUEST),
    ITEMS_MISSING(HttpStatus.BAD_REQUEST),
    ITEM_INVALID(HttpStatus.BAD_REQUEST),
    ITEM_DUPLICATE(HttpStatus.BAD_REQUEST),
    TOO_MANY_ITEMS(HttpStatus.BAD_REQUEST),
    CONDITIONS_MISSING(HttpStatus.BAD_REQUEST),
    SHARING_METHOD_MISSING(HttpStatus.BAD_REQUEST),
    LEGAL_BASIS_MISSING(HttpStatus.BAD_REQUEST),
    CORE_DATA_OPENED(HttpStatus.BAD_REQUEST),
    NOT_PROVIDER(HttpStatus.FORBIDDEN),
    RESOURCE_RETIRED(HttpStatus.CONFLICT),
    RESOURCE_STALE(HttpStatus.CONFLICT),
    IMPORT_NOT_FOUND(HttpStatus.NOT_FOUND),
    FILE_MISSING(HttpStatus.BAD_REQUEST),
    FILE_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
    FILE_TYPE_UNSUPPORTED(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    FILE_UNREADABLE(HttpStatus.BAD_REQUEST),
    HEADER_INVALID(HttpStatus.BAD_REQUEST),
    TOO_MANY_ROWS(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    CatalogueErrorCode(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    /** Keys carry the module, so modules that share a code keep their own wording. */
    @Override
    public String messageKey() {
        return "catalogue.error." + code();
    }
}
