package org.commonweal.requests;

import org.commonweal.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Why a request for statistics was refused. */
public enum StatisticsErrorCode implements ErrorCode {
    STATISTICS_MONTH_INVALID(HttpStatus.BAD_REQUEST),
    STATISTICS_DIMENSION_INVALID(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    StatisticsErrorCode(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
