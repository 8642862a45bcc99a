package org.commonweal.opendata.quality;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Checks whether a link answers: HEAD first, GET when the server does not do HEAD, with short
 * timeouts and redirects followed by hand (at most three) so that every hop passes the same guard.
 * The guard (against server-side request forgery) refuses hosts that resolve to private,
 * link-local (cloud metadata), carrier-grade NAT, unique-local, multicast or unspecified addresses
 * always, and loopback unless {@code allowLoopback} is set (tests check a server of their own).
 * Nothing of a body is kept. The address is resolved again when connecting, so a host whose DNS
 * answer changes between the two lookups is not caught here; outbound network policy is the
 * second fence for that.
 */
public final class LinkProbe {

    private static final int MAX_REDIRECTS = 3;

    /** What a check found: the HTTP status when there was an answer, or the problem. */
    public record Result(@Nullable Integer status, boolean ok, @Nullable String problem) {
        static Result answered(int status) {
            return new Result(status, status >= 200 && status < 400, status >= 400 ? "http_" + status : null);
        }

        static Result failed(String problem) {
            return new Result(null, false, problem);
        }
    }

    private final HttpClient http;
    private final Duration timeout;
    private final boolean allowLoopback;

    public LinkProbe(Duration timeout, boolean allowLoopback) {
        this.timeout = timeout;
        this.allowLoopback = allowLoopback;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Result check(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Result.failed("malformed");
        }
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Optional<String> refused = refusal(uri);
            if (refused.isPresent()) {
                return Result.failed(refused.get());
            }
            try {
                HttpResponse<Void> response = send(uri, "HEAD");
                if (response.statusCode() == 405 || response.statusCode() == 501) {
                    response = send(uri, "GET");
                }
                int status = response.statusCode();
                Optional<String> location = response.headers().firstValue("Location");
                if (status >= 300 && status < 400 && location.isPresent()) {
                    uri = uri.resolve(location.get());
                    continue;
                }
                return Result.answered(status);
            } catch (HttpTimeoutException e) {
                return Result.failed("timeout");
            } catch (IOException | IllegalArgumentException e) {
                return Result.failed("unreachable");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Result.failed("interrupted");
            }
        }
        return Result.failed("too_many_redirects");
    }

    private HttpResponse<Void> send(URI uri, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).method(method, HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", "Commonweal link checker").build();
        return http.send(request, HttpResponse.BodyHandlers.discarding());
    }

    /** Why this address may not be fetched, if it may not. */
    Optional<String> refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return Optional.of("not_http");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("unknown_host");
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address) && !(allowLoopback && address.isLoopbackAddress())) {
                return Optional.of("private_address");
            }
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first == 100 && second >= 64 && second < 128 // carrier-grade NAT
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 || first >= 240;
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return false;
    }
}
