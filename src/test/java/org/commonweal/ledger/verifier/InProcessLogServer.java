package org.commonweal.ledger.verifier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonweal.ledger.tlog.EntryTile;
import org.commonweal.ledger.tlog.Tile;
import org.commonweal.ledger.tlog.TilePathException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log server's HTTP contract over a {@link TestLog}, on 127.0.0.1 and a free port, with
 * switches to make it misbehave: any path can be answered with other bytes or another status.
 */
final class InProcessLogServer implements AutoCloseable {

    static {
        // The JDK server leaves Nagle's algorithm on by default; with the client's delayed ACKs
        // every small response then waits ~40 ms. Read once, when the server classes load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Pattern PROOF_QUERY = Pattern.compile("from=(\\d+)&to=(\\d+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    /** Prefix of the server's thread names, so the throughput harness can tell its CPU time from the verifier's. */
    static final String THREAD_NAME_PREFIX = "fake-ledger-server-";

    // Platform threads rather than virtual ones: virtual threads would share carriers with the
    // verifier's, and the harness could no longer tell whose CPU time is whose.
    private final ExecutorService handlers = Executors.newFixedThreadPool(32,
            Thread.ofPlatform().name(THREAD_NAME_PREFIX, 0).daemon().factory());
    private final Map<String, byte[]> replacedBodies = new ConcurrentHashMap<>();
    private final Map<String, Integer> replacedStatuses = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private volatile TestLog log;

    private InProcessLogServer(TestLog log) throws IOException {
        this.log = log;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    static InProcessLogServer serving(TestLog log) throws IOException {
        return new InProcessLogServer(log);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves another log from now on, forgetting every replacement. */
    void serve(TestLog newLog) {
        replacedBodies.clear();
        replacedStatuses.clear();
        redirects.clear();
        this.log = newLog;
    }

    /** Answers {@code path} (e.g. {@code /ledger/tile/0/003}) with these bytes instead. */
    void replaceBody(String path, byte[] body) {
        replacedBodies.put(path, body.clone());
    }

    void replaceStatus(String path, int status) {
        replacedStatuses.put(path, status);
    }

    /** Answers {@code path} with a 301 to {@code location}. */
    void redirect(String path, String location) {
        redirects.put(path, location);
    }

    /** Serves entry {@code index} as {@code replacement}, leaving its leaf hash and everything else alone. */
    void replaceEntry(long index, byte[] replacement) {
        replaceBody("/ledger/" + EntryTile.containing(index, log.size()).path(), log.bundleWithEntry(index, replacement));
    }

    /** Serves leaf hash {@code index} in the level-0 tile as {@code replacement}. */
    void replaceLeafHash(long index, byte[] replacement) {
        EntryTile bundle = EntryTile.containing(index, log.size());
        replaceBody("/ledger/" + new Tile(0, bundle.index(), bundle.width()).path(), log.levelZeroTileWithHash(index, replacement));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String location = redirects.get(path);
            if (location != null) {
                exchange.getResponseHeaders().set("Location", location);
                exchange.sendResponseHeaders(301, -1);
                return;
            }
            Integer status = replacedStatuses.get(path);
            byte[] body = status != null ? null : replacedBodies.containsKey(path) ? replacedBodies.get(path) : answer(exchange);
            if (body == null) {
                exchange.sendResponseHeaders(status == null ? 404 : status, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", path.startsWith("/api/") ? "application/json" : "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private byte @Nullable [] answer(HttpExchange exchange) {
        TestLog current = log;
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/ledger/checkpoint")) {
            return utf8(current.signedCheckpoint());
        }
        if (path.equals("/ledger/verifier-key")) {
            return utf8(current.verifierKey() + "\n");
        }
        if (path.startsWith("/ledger/tile/")) {
            try {
                return current.tileResource(path.substring("/ledger/".length()));
            } catch (TilePathException e) {
                return null;
            }
        }
        if (path.equals("/api/v1/ledger/proofs/consistency")) {
            return consistencyProof(current, exchange.getRequestURI().getRawQuery());
        }
        return null;
    }

    private static byte @Nullable [] consistencyProof(TestLog current, @Nullable String query) {
        Matcher matcher = PROOF_QUERY.matcher(query == null ? "" : query);
        if (!matcher.matches()) {
            return null;
        }
        long from = Long.parseLong(matcher.group(1));
        long to = Long.parseLong(matcher.group(2));
        if (from < 1 || from > to || to > current.size()) {
            return null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from);
        body.put("to", to);
        body.put("proof", current.consistencyProof(from, to).stream().map(Base64.getEncoder()::encodeToString).toList());
        return JSON.writeValueAsBytes(body);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.close();
    }
}
