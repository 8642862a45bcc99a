package org.commonweal.exchange;

import org.commonweal.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/**
 * Why a sharing application or a decision on it was refused (kept apart from {@link ExchangeErrorCode},
 * which belongs to the gateway and agreements; the codes do not overlap).
 */
public enum ApplicationErrorCode implements ErrorCode {
    APPLICATION_NOT_FOUND(HttpStatus.NOT_FOUND),
    RESOURCE_NOT_APPLICABLE(HttpStatus.CONFLICT),
    APPLICATION_INVALID(HttpStatus.BAD_REQUEST),
    NO_SERVICE(HttpStatus.CONFLICT),
    NOT_A_DEPARTMENT(HttpStatus.FORBIDDEN),
    NOT_YOURS_TO_DECIDE(HttpStatus.FORBIDDEN),
    ALREADY_DECIDED(HttpStatus.CONFLICT),
    STALE_VERSION(HttpStatus.CONFLICT),
    NARROWING_INVALID(HttpStatus.BAD_REQUEST),
    REFUSAL_REASON_MISSING(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    ApplicationErrorCode(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    /** Keys carry the module, so modules that share a code keep their own wording. */
    @Override
    public String messageKey() {
        return "exchange.error." + code();
    }
}
