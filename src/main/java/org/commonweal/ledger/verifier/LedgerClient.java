package org.commonweal.ledger.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.commonweal.ledger.tlog.EntryBundle;
import org.commonweal.ledger.tlog.EntryTile;
import org.commonweal.ledger.tlog.MerkleHash;
import org.commonweal.ledger.tlog.Tile;
import org.commonweal.platform.http.Http11Client;
import org.jspecify.annotations.Nullable;

/**
 * The log's HTTP endpoints, as raw bytes. One {@link Http11Client} (connections kept alive and
 * reused) serves every request of a verification run and is safe to call from many threads at once.
 * Redirects are followed, except from https to http.
 *
 * <p>Failures are split by what they mean: {@link IOException} when the log could not be reached
 * or the transfer broke, {@link VerificationFailure} when the log answered with something it
 * should not have (a non-200 status, a body too large for the resource).
 */
final class LedgerClient implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    // For every read, of the headers and of the body.
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_REDIRECTS = 5;
    // Checkpoints, keys and proofs are a few hundred bytes; the cap only stops a hostile server
    // from making us buffer without end.
    private static final int MAX_SMALL_BODY = 1 << 20;

    private final String base;
    private final Http11Client http;

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
        this.http = new Http11Client(CONNECT_TIMEOUT, READ_TIMEOUT);
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
        try {
            for (int redirects = 0; ; redirects++) {
                Http11Client.Response response = http.send("GET", uri, Map.of("Accept", "*/*"), null, 0);
                try (InputStream body = response.body()) {
                    int status = response.status();
                    String location = response.first("location");
                    if (REDIRECTS.contains(status) && location != null && redirects < MAX_REDIRECTS) {
                        uri = redirectTarget(uri, location);
                        continue; // closing the unread body closes its connection: redirects are rare
                    }
                    if (status != 200) {
                        throw new VerificationFailure("GET " + path + " answered HTTP " + status
                                + (status == 404 ? " (not found)" : ""));
                    }
                    long declared = response.bodyLength();
                    if (declared > maxBytes) {
                        throw new VerificationFailure(path + " is larger than the " + maxBytes + " bytes it can be");
                    }
                    if (declared >= 0) {
                        // Read straight into an array of the right size: bundles are most of what a run reads.
                        byte[] bytes = new byte[(int) declared];
                        if (body.readNBytes(bytes, 0, bytes.length) < bytes.length) {
                            throw new IOException("the body ended before its " + declared + " bytes");
                        }
                        return bytes;
                    }
                    // One byte past the limit tells "exactly at the limit" from "too large".
                    byte[] bytes = body.readNBytes(maxBytes + 1);
                    if (bytes.length > maxBytes) {
                        throw new VerificationFailure(path + " is larger than the " + maxBytes + " bytes it can be");
                    }
                    return bytes;
                }
            }
        } catch (IOException e) {
            String problem = networkProblem(e);
            // A problem named in plain words needs no chain of socket messages after it.
            throw problem != null ? new IOException("cannot fetch " + uri + ": " + problem)
                    : new IOException("cannot fetch " + uri + ": " + e.getClass().getSimpleName(), e);
        }
    }

    // As browsers do: follow a redirect, but never from https down to plain http.
    static URI redirectTarget(URI from, String location) {
        URI to;
        try {
            to = from.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new VerificationFailure("GET " + from + " redirects to an unusable location: " + location);
        }
        if (!("http".equals(to.getScheme()) || "https".equals(to.getScheme())) || to.getHost() == null
                || ("https".equals(from.getScheme()) && !"https".equals(to.getScheme()))) {
            throw new VerificationFailure("GET " + from + " redirects to " + to + ", which the verifier does not follow");
        }
        return to;
    }

    // What a socket error means, in words; null if it is none of the usual ones.
    private static @Nullable String networkProblem(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            switch (cause) {
                case UnknownHostException unknown -> {
                    return "unknown host";
                }
                case ConnectException refused -> {
                    return "connection refused";
                }
                case SocketTimeoutException timeout -> {
                    return e instanceof Http11Client.ConnectFailed ? "connection timed out"
                            : "no answer within " + READ_TIMEOUT.toSeconds() + " s";
                }
                default -> {
                }
            }
        }
        return null;
    }

    private static String utf8(String path, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new VerificationFailure(path + " is not valid UTF-8", e);
        }
    }

    /**
     * Closes the idle connections; never waits. Downloads still in flight after a failure end with
     * their bodies or their read timeout (the replay has stopped waiting for them).
     */
    @Override
    public void close() {
        http.close();
    }
}
