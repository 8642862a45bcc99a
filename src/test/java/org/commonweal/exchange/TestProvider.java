package org.commonweal.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A department's system as the gateway sees it: a real HTTP server on a loopback port, with one
 * path per behaviour a provider can show (well-behaved, slow, broken, oversized, ...).
 */
final class TestProvider implements AutoCloseable {

    static final String VEHICLE = """
            {"plate":"清A12345","type":"car","registeredOn":"2020-05-01","internalNote":"<script>alert(1)</script>",
             "owner":{"name":"张三","idNumber":"110101199003077777","phone":"13800000000"},
             "inspections":[{"due":"2027-01-31","station":"QH-01"},{"due":"2026-01-31","station":"QH-02"}],
             "extra":{"deep":[1,2,{"x":null}]}}""";

    private final HttpServer server;
    /** The request headers of the last call, lower-case names; tests check what was passed on. */
    final Map<String, String> lastHeaders = new ConcurrentHashMap<>();

    TestProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/vehicles/", exchange -> {
            remember(exchange);
            String rest = exchange.getRequestURI().getRawPath().substring("/vehicles".length());
            switch (rest) {
                case "/slow" -> {
                    sleep(5_000);
                    send(exchange, 200, "application/json", VEHICLE);
                }
                case "/garbage" -> send(exchange, 200, "application/json", "{\"plate\":\"A1\", oops");
                case "/garbage-late" -> streamLateGarbage(exchange);
                case "/big-declared" -> {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, 6 * 1024 * 1024);
                    try (OutputStream out = exchange.getResponseBody()) {
                        for (int i = 0; i < 6 * 1024; i++) {
                            out.write(new byte[1024]);
                        }
                    } catch (IOException gatewayHungUp) {
                        // expected: the gateway refuses after the headers
                    }
                }
                case "/big-streamed" -> streamBig(exchange);
                case "/text" -> send(exchange, 200, "text/plain", "plate 清A12345 owner 张三 110101199003077777");
                case "/huge-headers" -> {
                    exchange.getResponseHeaders().set("X-Filler", "x".repeat(600_000));
                    send(exchange, 200, "application/json", VEHICLE);
                }
                case "/not-found" -> send(exchange, 404, "application/json", "{\"plate\":null,\"message\":\"no such plate\"}");
                case "/array" -> send(exchange, 200, "application/json", "[" + VEHICLE + "," + VEHICLE + "]");
                case "/echo-body" -> {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    send(exchange, 200, "application/json", "{\"plate\":\"" + body.length + " bytes\"}");
                }
                default -> send(exchange, 200, "application/json; charset=utf-8", VEHICLE);
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/vehicles";
    }

    private void remember(HttpExchange exchange) {
        lastHeaders.clear();
        exchange.getRequestHeaders().forEach((name, values) -> lastHeaders.put(name.toLowerCase(), String.join(",", values)));
        lastHeaders.put(":path", exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Set-Cookie", "provider-session=secret");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static final byte[] INSPECTION = "{\"due\":\"2027-01-31\",\"station\":\"QH-01\"},".getBytes(StandardCharsets.UTF_8);

    /** Many permitted inspections (well past the gateway's response buffer), then garbage. */
    private static void streamLateGarbage(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("{\"plate\":\"A1\",\"inspections\":[".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 5000; i++) {
                out.write(INSPECTION);
            }
            out.write("{{{ not json".getBytes(StandardCharsets.UTF_8));
        } catch (IOException gatewayHungUp) {
            // the gateway may stop reading at the garbage
        }
    }

    /** 6 MB of well-formed JSON without a declared length. */
    private static void streamBig(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("{\"inspections\":[".getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < 6L * 1024 * 1024; written += INSPECTION.length) {
                out.write(INSPECTION);
            }
            out.write("{}]}".getBytes(StandardCharsets.UTF_8));
        } catch (IOException gatewayHungUp) {
            // expected: the gateway stops reading past its limit
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
