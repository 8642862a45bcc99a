package org.commonweal.ledger.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.commonweal.ledger.tlog.EntryBundle;
import org.commonweal.ledger.tlog.EntryTile;
import org.commonweal.ledger.tlog.MerkleHash;
import org.commonweal.ledger.tlog.Tile;

/**
 * The log's HTTP endpoints, as raw bytes. One {@link HttpClient} (HTTP/1.1, so connections are
 * kept alive and reused) serves every request of a verification run and is safe to call from
 * many threads at once.
 *
 * <p>Failures are split by what they mean: {@link IOException} when the log could not be reached
 * or the transfer broke, {@link VerificationFailure} when the log answered with something it
 * should not have (a non-200 status, a body too large for the resource).
 */
final class LedgerClient implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    // Until the response headers arrive; the JDK client has no timeout for reading the body.
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    // Checkpoints, keys and proofs are a few hundred bytes; the cap only stops a hostile server
    // from making us buffer without end.
    private static final int MAX_SMALL_BODY = 1 << 20;

    private final String base;
    private final HttpClient http;

    LedgerClient(URI baseUrl) {
        String scheme = baseUrl.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("log URL must be an absolute http or https URL, got \"" + baseUrl + "\"");
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("log URL must not have a query or fragment, got \"" + baseUrl + "\"");
        }
        String text = baseUrl.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    byte[] checkpoint() throws IOException {
        return get("ledger/checkpoint", MAX_SMALL_BODY);
    }

    /** The verifier key string, without the trailing newline a text/plain body usually has. */
    String verifierKey() throws IOException {
        return utf8("ledger/verifier-key", get("ledger/verifier-key", MAX_SMALL_BODY)).strip();
    }

    byte[] entryBundle(EntryTile bundle) throws IOException {
        return get("ledger/" + bundle.path(), bundle.width() * (2 + EntryBundle.MAX_ENTRY_SIZE));
    }

    /** A hash tile, which must be exactly {@code width} hashes long. */
    byte[] tile(Tile tile) throws IOException {
        int expected = tile.width() * MerkleHash.SIZE;
        byte[] data = get("ledger/" + tile.path(), expected);
        if (data.length != expected) {
            throw new VerificationFailure(tile.path() + " is " + data.length + " bytes, want " + expected
                    + " (" + tile.width() + " hashes)");
        }
        return data;
    }

    String consistencyProof(long from, long to) throws IOException {
        String path = "api/v1/ledger/proofs/consistency?from=" + from + "&to=" + to;
        return utf8(path, get(path, MAX_SMALL_BODY));
    }

    private byte[] get(String path, int maxBytes) throws IOException {
        URI uri = URI.create(base + "/" + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status != 200) {
                    throw new VerificationFailure("GET " + path + " answered HTTP " + status
                            + (status == 404 ? " (not found)" : ""));
                }
                // One byte past the limit tells "exactly at the limit" from "too large".
                byte[] bytes = body.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new VerificationFailure(path + " is larger than the " + maxBytes + " bytes it can be");
                }
                return bytes;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching " + uri);
        } catch (IOException e) {
            throw new IOException("cannot fetch " + uri + ": " + networkProblem(e), e);
        }
    }

    // The JDK client's connection errors carry no message at all; say what they mean.
    private static String networkProblem(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException) {
                return "unknown host";
            }
        }
        return switch (e) {
            case HttpConnectTimeoutException timeout -> "connection timed out";
            case HttpTimeoutException timeout -> "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
            case ConnectException refused -> "connection refused";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }

    private static String utf8(String path, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new VerificationFailure(path + " is not valid UTF-8", e);
        }
    }

    /** Aborts whatever is still in flight (after a failure, requests of the window may hang); never waits. */
    @Override
    public void close() {
        http.shutdownNow();
    }
}
