package org.commonweal.ledger;

import org.commonweal.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Why a ledger request was refused. */
public enum LedgerErrorCode implements ErrorCode {
    INDEX_OUT_OF_RANGE(HttpStatus.BAD_REQUEST),
    SIZE_OUT_OF_RANGE(HttpStatus.BAD_REQUEST),
    MALFORMED_TILE_PATH(HttpStatus.BAD_REQUEST),
    TILE_NOT_AVAILABLE(HttpStatus.NOT_FOUND),
    SUBJECT_INVALID(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    LedgerErrorCode(HttpStatus status) {
        this.status = status;
    }


    @Override
    public HttpStatus status() {
        return status;
    }
}
