package org.commonweal.exchange.internal;

import org.commonweal.exchange.ExchangeErrorCode;

/** A call the gateway refuses or cannot complete: a stable code and a message a client's developer can act on. */
final class GatewayRefusal extends RuntimeException {

    private final ExchangeErrorCode code;

    GatewayRefusal(ExchangeErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    ExchangeErrorCode code() {
        return code;
    }
}
