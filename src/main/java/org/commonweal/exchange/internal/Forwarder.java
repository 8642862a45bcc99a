package org.commonweal.exchange.internal;

import java.io.IOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.commonweal.exchange.ExchangeErrorCode;
import org.commonweal.exchange.ExchangeSettings;
import org.commonweal.platform.http.Http11Client;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Sends a call on to the provider's system over kept-alive HTTP/1.1 connections and hands back the
 * response with its body still streaming; failures become the gateway's error codes.
 */
@Component
class Forwarder {

    /** Request headers passed on to the provider besides the X-Road ones; never Authorization or cookies. */
    static final Set<String> REQUEST_HEADERS = Set.of("content-type", "accept", "accept-language", "if-none-match",
            "if-modified-since", "x-road-client", "x-road-id", "x-road-userid", "x-road-issue", "x-road-represented-party");

    private final Http11Client client;
    private final ExchangeSettings settings;

    Forwarder(ExchangeSettings settings) {
        this.settings = settings;
        this.client = new Http11Client(settings.connectTimeout(), settings.responseTimeout());
    }

    /**
     * @param headers request headers already filtered to {@link #REQUEST_HEADERS}, lower case
     * @param body the request body (counted and digested as it is read), or null for none
     * @param contentLength the body's declared length, -1 when unknown
     */
    Http11Client.Response send(String method, URI uri, Map<String, String> headers, BodyStreams.@Nullable Incoming body,
                               long contentLength) {
        try {
            return client.send(method, uri, headers, body, contentLength);
        } catch (Http11Client.ConnectFailed e) {
            throw new GatewayRefusal(ExchangeErrorCode.PROVIDER_DOWN, "The provider's system cannot be reached");
        } catch (SocketTimeoutException e) {
            throw new GatewayRefusal(ExchangeErrorCode.PROVIDER_TIMEOUT,
                    "The provider's system did not answer within " + settings.responseTimeout().toSeconds() + " s");
        } catch (ProtocolException e) {
            throw new GatewayRefusal(ExchangeErrorCode.PROVIDER_INVALID_RESPONSE,
                    "The provider's system did not answer in HTTP/1.1: " + CallDraft.clip(e.getMessage()));
        } catch (IOException e) {
            if (body != null && body.tooLarge) {
                throw new GatewayRefusal(ExchangeErrorCode.REQUEST_TOO_LARGE,
                        "The request body is larger than " + settings.maxRequestBody().toBytes() + " bytes");
            }
            throw new GatewayRefusal(ExchangeErrorCode.PROVIDER_DOWN, "The provider's system broke off the exchange");
        }
    }
}
