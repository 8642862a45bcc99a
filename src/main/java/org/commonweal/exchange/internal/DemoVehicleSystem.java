package org.commonweal.exchange.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/**
 * The transport bureau's vehicle registration system in the demo city: a small, real HTTP server
 * on a loopback port, separate from the application's own web server, so the gateway forwards over
 * a real socket exactly as it would to a department's machine. Its data is invented: any plate
 * gives the same made-up vehicle every time. It answers more than any agreement allows (the
 * owner's ID number, an internal note), so the gateway's minimisation is visible.
 */
final class DemoVehicleSystem implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴");
    private static final List<String> GIVEN = List.of("伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "军");
    private static final List<String> TYPES = List.of("small passenger car", "light truck", "motorcycle", "new-energy car");

    private final HttpServer server;

    DemoVehicleSystem(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/vehicles", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/vehicles";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String plate = path.length() > "/vehicles/".length()
                    ? URLDecoder.decode(path.substring("/vehicles/".length()), StandardCharsets.UTF_8) : "";
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, Map.of("message", "only GET /vehicles/{plate}"));
            } else if (plate.isBlank() || plate.length() > 16 || plate.contains("/")) {
                send(exchange, 404, Map.of("message", "no vehicle with that plate"));
            } else {
                send(exchange, 200, vehicle(plate, exchange.getRequestHeaders().getFirst("X-Road-UserId")));
            }
        }
    }

    /** A made-up vehicle, the same for the same plate; the owner's ID number is the data subject if one was named. */
    static Map<String, Object> vehicle(String plate, @Nullable String subject) {
        int seed = Math.floorMod(plate.hashCode(), 1000);
        String owner = SURNAMES.get(seed % 10) + GIVEN.get(seed / 10 % 10);
        String idNumber = subject != null && !subject.isBlank() ? subject : "1101011990" + String.format("%08d", seed * 7919 % 100_000_000);
        return Map.of(
                "plate", plate,
                "type", TYPES.get(seed % TYPES.size()),
                "registeredOn", "20" + (10 + seed % 15) + "-0" + (1 + seed % 9) + "-15",
                "owner", Map.of("name", owner, "idNumber", idNumber, "phone", "1380000" + String.format("%04d", seed)),
                "inspections", List.of(Map.of("due", "2027-0" + (1 + seed % 9) + "-30", "station", "QH-0" + (1 + seed % 5))),
                "internalNote", "record kept by the vehicle registration office");
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
