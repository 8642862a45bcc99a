package org.commonweal.exchange;

import org.commonweal.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/**
 * Why an exchange action or a gateway call was refused. JSON APIs answer with problem details; the
 * gateway answers in the X-Road format, {@code {"type":"Client.<code>"|"Server.<code>",...}}.
 */
public enum ExchangeErrorCode implements ErrorCode {
    // registry and agreements
    SERVICE_ID_INVALID(HttpStatus.BAD_REQUEST),
    SERVICE_EXISTS(HttpStatus.CONFLICT),
    SERVICE_NOT_FOUND(HttpStatus.NOT_FOUND),
    NOT_YOUR_DEPARTMENT(HttpStatus.FORBIDDEN),
    BASE_URL_INVALID(HttpStatus.BAD_REQUEST),
    FIELD_MAPPING_INVALID(HttpStatus.BAD_REQUEST),
    OPENAPI_TOO_LARGE(HttpStatus.BAD_REQUEST),
    RESOURCE_NOT_FOUND(HttpStatus.NOT_FOUND),
    RESOURCE_NOT_OFFERED(HttpStatus.CONFLICT),
    RESOURCE_NOT_THE_PROVIDERS(HttpStatus.BAD_REQUEST),
    ITEM_NOT_IN_RESOURCE(HttpStatus.BAD_REQUEST),
    CONSUMER_INVALID(HttpStatus.BAD_REQUEST),
    TERMS_INVALID(HttpStatus.BAD_REQUEST),
    AGREEMENT_NOT_FOUND(HttpStatus.NOT_FOUND),
    WRONG_STATUS(HttpStatus.CONFLICT),
    REASON_MISSING(HttpStatus.BAD_REQUEST),
    CALL_NOT_FOUND(HttpStatus.NOT_FOUND),
    // gateway calls
    BAD_IDENTIFIER(HttpStatus.BAD_REQUEST),
    CLIENT_MISSING(HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
    FORGED_CLIENT(HttpStatus.FORBIDDEN),
    UNKNOWN_SERVICE(HttpStatus.NOT_FOUND),
    NO_AGREEMENT(HttpStatus.FORBIDDEN),
    AGREEMENT_SUSPENDED(HttpStatus.FORBIDDEN),
    AGREEMENT_REVOKED(HttpStatus.FORBIDDEN),
    AGREEMENT_EXPIRED(HttpStatus.FORBIDDEN),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
    DUPLICATE_ID(HttpStatus.CONFLICT),
    REQUEST_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    RESPONSE_TOO_LARGE(HttpStatus.BAD_GATEWAY),
    PROVIDER_DOWN(HttpStatus.BAD_GATEWAY),
    PROVIDER_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT),
    PROVIDER_INVALID_RESPONSE(HttpStatus.BAD_GATEWAY),
    PERSONAL_DATA_NOT_JSON(HttpStatus.BAD_GATEWAY);

    private final HttpStatus status;

    ExchangeErrorCode(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    /** The X-Road error type: {@code Client.<code>} when the caller can fix it, else {@code Server.<code>}. */
    public String xroadType() {
        return (status.is4xxClientError() ? "Client." : "Server.") + code();
    }

    /** Keys carry the module, so modules that share a code keep their own wording. */
    @Override
    public String messageKey() {
        return "exchange.error." + code();
    }
}
