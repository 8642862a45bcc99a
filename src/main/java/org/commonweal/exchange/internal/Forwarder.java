package org.commonweal.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.commonweal.exchange.ExchangeErrorCode;
import org.commonweal.exchange.ExchangeSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Sends a call on to the provider's system with the JDK HTTP client (HTTP/1.1, kept-alive
 * connections) and hands back the response with its body still streaming.
 */
@Component
class Forwarder {

    /** Request headers passed on to the provider besides the X-Road ones; never Authorization or cookies. */
    static final Set<String> REQUEST_HEADERS = Set.of("content-type", "accept", "accept-language", "if-none-match",
            "if-modified-since", "x-road-client", "x-road-id", "x-road-userid", "x-road-issue", "x-road-represented-party");

    private final HttpClient client;
    private final ExchangeSettings settings;

    Forwarder(ExchangeSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * @param headers request headers already filtered to {@link #REQUEST_HEADERS}, lower case
     * @param body the request body (counted and digested as it is read), or null for none
     */
    HttpResponse<InputStream> send(String method, URI uri, Map<String, String> headers,
                                    BodyStreams.@Nullable Incoming body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.responseTimeout())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofInputStream(() -> body));
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new GatewayRefusal(ExchangeErrorCode.PROVIDER_DOWN, "The provider's system did not accept a connection in time");
        } catch (HttpTimeoutException e) {
            throw new GatewayRefusal(ExchangeErrorCode.PROVIDER_TIMEOUT,
                    "The provider's system did not answer within " + settings.responseTimeout().toSeconds() + " s");
        } catch (ConnectException e) {
            throw new GatewayRefusal(ExchangeErrorCode.PROVIDER_DOWN, "The provider's system cannot be reached");
        } catch (IOException e) {
            if (body != null && body.tooLarge) {
                throw new GatewayRefusal(ExchangeErrorCode.REQUEST_TOO_LARGE,
                        "The request body is larger than " + settings.maxRequestBody().toBytes() + " bytes");
            }
            String reason = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
            throw new GatewayRefusal(reason.contains("header") ? ExchangeErrorCode.PROVIDER_INVALID_RESPONSE
                    : ExchangeErrorCode.PROVIDER_DOWN, "The provider's system broke off the exchange: " + safe(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayRefusal(ExchangeErrorCode.PROVIDER_TIMEOUT, "The call was interrupted while waiting for the provider");
        }
    }

    private static String safe(@Nullable String message) {
        return message == null ? "connection closed" : CallDraft.clip(message);
    }
}
