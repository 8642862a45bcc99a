import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.commonweal.CommonwealApplication;
import org.commonweal.exchange.AgreementTerms;
import org.commonweal.exchange.Agreements;
import org.commonweal.exchange.CallRecords;
import org.commonweal.exchange.ExchangeServices;
import org.commonweal.exchange.ServiceRegistration;
import org.commonweal.identity.Accounts;
import org.commonweal.identity.ApiTokens;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Role;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The exchange gateway against calling the same provider directly, in one run with the same load
 * generator: throughput (closed loop), added latency (open loop at a fixed rate), that every call
 * through the gateway was recorded in a batch with ledger evidence, and the heap a 100 MB JSON body
 * needs streaming through the gateway (minimised on the way). Prints figures and ratios; asserts nothing.
 * Usage: java ... bench/ExchangeBenchmark.java [seconds-per-run=20] [big-body-MB=100]
 */
public class ExchangeBenchmark {

    static final int[] CLIENTS = {16, 32, 64};
    static final int LATENCY_RATE = 1_000;
    static final Duration WARM_UP = Duration.ofSeconds(3);
    static final String CLIENT = "CW-DEMO/GOV/URBAN-MGMT/bench";
    static final byte[] VEHICLE = """
            {"plate":"清A12345","type":"small passenger car","registeredOn":"2020-05-01","internalNote":"kept by the office",
             "owner":{"name":"张三","idNumber":"110101199003077777","phone":"13800000000"},
             "inspections":[{"due":"2027-01-31","station":"QH-01"},{"due":"2026-01-31","station":"QH-02"}]}"""
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] INSPECTION = "{\"due\":\"2027-01-31\",\"station\":\"QH-01\"},".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int bigMb = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path data = Files.createTempDirectory("exchange-bench");
        List<String[]> table = new ArrayList<>();
        HttpServer provider = provider(bigMb);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CommonwealApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--commonweal.database.directory=" + data,
                        "--commonweal.demo.enabled=true", "--commonweal.requests.demo-count=0",
                        "--commonweal.exchange.max-response-body=2GB", "--logging.level.root=WARN")) {
            System.out.printf("%nExchange benchmark: %d s per run, %d cores, %s, load average %s%n", seconds,
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAverage());
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            String direct = "http://127.0.0.1:" + provider.getAddress().getPort() + "/vehicles";
            String token = setUp(app, direct);
            String serviceId = "CW-DEMO/GOV/TRANSPORT/vehicles/bench";
            GetLoad load = new GetLoad();
            GetLoad.Target directTarget = new GetLoad.Target("direct", n -> direct + "/A" + n, Map.of());
            GetLoad.Target gatewayTarget = new GetLoad.Target("gateway", n -> "http://127.0.0.1:" + port + "/r1/" + serviceId + "/A" + n,
                    Map.of("Authorization", "Bearer " + token, "X-Road-Client", CLIENT, "X-Road-UserId", "110101199003077777"));
            long callsBefore = calls(app);
            long gatewaySentBefore = 0;

            System.out.println("\nWarm-up (10 s each)");
            System.out.println("  " + load.closedLoop(directTarget, 32, Duration.ZERO, Duration.ofSeconds(10)).summary());
            long beforeWarm = load.sent.get();
            System.out.println("  " + load.closedLoop(gatewayTarget, 32, Duration.ZERO, Duration.ofSeconds(10)).summary());
            gatewaySentBefore += load.sent.get() - beforeWarm;

            System.out.println("\nThroughput, closed loop (direct, then gateway, at each client count)");
            GetLoad.Run bestGateway = null;
            GetLoad.Run directAtBest = null;
            for (int clients : CLIENTS) {
                GetLoad.Run d = load.closedLoop(directTarget, clients, WARM_UP, Duration.ofSeconds(seconds));
                long before = load.sent.get();
                GetLoad.Run g = load.closedLoop(gatewayTarget, clients, WARM_UP, Duration.ofSeconds(seconds));
                gatewaySentBefore += load.sent.get() - before;
                System.out.println("  " + d.summary());
                System.out.println("  " + g.summary());
                System.out.printf("    ratio gateway / direct at %d clients: throughput %.2f%n", clients, g.perSecond() / d.perSecond());
                if (bestGateway == null || g.perSecond() > bestGateway.perSecond()) {
                    bestGateway = g;
                    directAtBest = d;
                }
            }
            double ratio = bestGateway.perSecond() / directAtBest.perSecond();
            table.add(row("throughput through the gateway (best closed loop)", ">= 3,000 calls/s",
                    String.format("%,.0f calls/s (%s), errors %d", bestGateway.perSecond(), bestGateway.label(), bestGateway.errors()),
                    bestGateway.perSecond() >= 3000 && bestGateway.errors() == 0));
            table.add(row("gateway / direct throughput, same client count", ">= 0.6",
                    String.format("%.2f (direct %,.0f calls/s)", ratio, directAtBest.perSecond()), ratio >= 0.6));

            System.out.printf("%nAdded latency, open loop at %,d calls/s%n", LATENCY_RATE);
            GetLoad.Run d = load.openLoop(directTarget, LATENCY_RATE, WARM_UP, Duration.ofSeconds(seconds));
            long before = load.sent.get();
            GetLoad.Run g = load.openLoop(gatewayTarget, LATENCY_RATE, WARM_UP, Duration.ofSeconds(seconds));
            gatewaySentBefore += load.sent.get() - before;
            System.out.println("  " + d.summary());
            System.out.println("  " + g.summary());
            double addedP50 = g.millis(0.5) - d.millis(0.5);
            double addedP99 = g.millis(0.99) - d.millis(0.99);
            table.add(row("added latency p50 at " + LATENCY_RATE + "/s", "<= 1 ms",
                    String.format("%.2f ms (direct %.2f, gateway %.2f)", addedP50, d.millis(0.5), g.millis(0.5)), addedP50 <= 1));
            table.add(row("added latency p99 at " + LATENCY_RATE + "/s", "<= 5 ms",
                    String.format("%.2f ms (direct %.2f, gateway %.2f)", addedP99, d.millis(0.99), g.millis(0.99)), addedP99 <= 5));

            // after the targets' runs: its 100,000-row table and the vacuum that follows must not disturb them
            gatewaySentBefore += registryReference(app, load, port, serviceId, token, direct, seconds, table);
            evidence(app, callsBefore, gatewaySentBefore, table);
            bigBody(port, serviceId, token, direct, bigMb, table);
        } finally {
            provider.stop(0);
            deleteRecursively(data);
        }
        System.out.printf("%nExchange benchmark summary (one run, %s, %d cores, load average at the end %s)%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), loadAverage());
        for (String[] row : table) {
            System.out.printf("  %-52s %-18s %-60s %s%n", (Object[]) row);
        }
    }

    /**
     * For reference, not the target: the same comparison with a provider that reads each answer from a
     * PostgreSQL table by plate, as a real registry does, instead of sending a canned answer. The
     * gateway's cost is the same; the ratio then shows it against a service that does some work.
     * Answers how many calls went through the gateway, for the evidence check.
     */
    static long registryReference(ConfigurableApplicationContext app, GetLoad load, int port, String serviceId, String token,
                                  String direct, int seconds, List<String[]> table) throws Exception {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        jdbc.sql("CREATE TABLE bench_vehicle (plate text PRIMARY KEY, body text NOT NULL)").update();
        jdbc.sql("INSERT INTO bench_vehicle SELECT 'A' || g, ? FROM generate_series(0, ?) g")
                .params(new String(VEHICLE, StandardCharsets.UTF_8), REGISTRY_ROWS - 1).update();
        jdbc.sql("ANALYZE bench_vehicle").update();
        com.zaxxer.hikari.HikariDataSource appPool = app.getBean(javax.sql.DataSource.class).unwrap(com.zaxxer.hikari.HikariDataSource.class);
        try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource()) {
            pool.setJdbcUrl(appPool.getJdbcUrl());
            pool.setUsername(appPool.getUsername());
            pool.setPassword(appPool.getPassword());
            pool.setMaximumPoolSize(16);
            registry = new org.springframework.jdbc.core.JdbcTemplate(pool);
            GetLoad.Target directDb = new GetLoad.Target("direct, registry", n -> direct + "/db/A" + n % REGISTRY_ROWS, Map.of());
            GetLoad.Target gatewayDb = new GetLoad.Target("gateway, registry",
                    n -> "http://127.0.0.1:" + port + "/r1/" + serviceId + "/db/A" + n % REGISTRY_ROWS,
                    Map.of("Authorization", "Bearer " + token, "X-Road-Client", CLIENT, "X-Road-UserId", "110101199003077777"));
            System.out.println("\nFor reference: a provider that reads each answer from PostgreSQL (closed loop, 32 clients)");
            GetLoad.Run d = load.closedLoop(directDb, 32, WARM_UP, Duration.ofSeconds(seconds));
            long before = load.sent.get();
            GetLoad.Run g = load.closedLoop(gatewayDb, 32, WARM_UP, Duration.ofSeconds(seconds));
            long gatewaySent = load.sent.get() - before;
            System.out.println("  " + d.summary());
            System.out.println("  " + g.summary());
            double ratio = g.perSecond() / d.perSecond();
            System.out.printf("    ratio gateway / direct: throughput %.2f%n", ratio);
            table.add(new String[]{"  for reference: the same, provider reads PostgreSQL", "(no target)",
                    String.format("%.2f (direct %,.0f, gateway %,.0f calls/s, errors %d)", ratio, d.perSecond(), g.perSecond(),
                            d.errors() + g.errors()), ""});
            return gatewaySent;
        } finally {
            registry = null;
        }
    }

    static final int REGISTRY_ROWS = 100_000;
    /** The registry the provider's /db/ path reads, while {@link #registryReference} runs. */
    static volatile org.springframework.jdbc.core.JdbcTemplate registry;

    /** A service of the transport bureau at the benchmark's provider, an agreement for URBAN-MGMT, and its token. */
    static String setUp(ConfigurableApplicationContext app, String baseUrl) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        await(() -> jdbc.sql("SELECT count(*) FROM catalogue_resource WHERE code = 'QH-TRANSPORT-0001'").query(Integer.class).single() == 1);
        UUID transport = jdbc.sql("SELECT id FROM identity_organisation WHERE member_code = 'TRANSPORT'").query(UUID.class).single();
        UUID urban = jdbc.sql("SELECT id FROM identity_organisation WHERE member_code = 'URBAN-MGMT'").query(UUID.class).single();
        CommonwealUser staff = new CommonwealUser(UUID.randomUUID(), "bench", transport, Set.of(Role.STAFF), false);
        String serviceId = "CW-DEMO/GOV/TRANSPORT/vehicles/bench";
        app.getBean(ExchangeServices.class).register(new ServiceRegistration(serviceId, "QH-TRANSPORT-0001", baseUrl, "", Map.of(
                "$.plate", "plate_number", "$.type", "vehicle_type", "$.owner.name", "owner_name",
                "$.owner.idNumber", "owner_id_number", "$.inspections[*].due", "inspection_due")), staff);
        Agreements agreements = app.getBean(Agreements.class);
        agreements.grant(new AgreementTerms("CW-DEMO/GOV/URBAN-MGMT", serviceId, "QH-TRANSPORT-0001", "benchmark", "benchmark",
                Set.of("plate_number", "vehicle_type", "owner_name", "inspection_due"), agreements.today().plusDays(30),
                1_000_000, 0), "bench");
        UUID admin = app.getBean(Accounts.class).findByUsername("admin").orElseThrow().id();
        return app.getBean(ApiTokens.class).issue(urban, "exchange benchmark", admin).secret();
    }

    /** Every gateway call of the run has a call record, and every batch its ledger entry. */
    static void evidence(ConfigurableApplicationContext app, long callsBefore, long gatewaySent, List<String[]> table) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        long started = System.nanoTime();
        app.getBean(CallRecords.class).flushNow();
        long recorded = calls(app) - callsBefore;
        long batches = jdbc.sql("SELECT count(*) FROM exchange_call_batch").query(Long.class).single();
        await(() -> jdbc.sql("SELECT count(*) FROM ledger_entry WHERE type = 'exchange.calls_recorded'").query(Long.class).single()
                == batches);
        long entries = jdbc.sql("SELECT count(*) FROM ledger_entry WHERE type = 'exchange.calls_recorded'").query(Long.class).single();
        long unproven = jdbc.sql("SELECT count(*) FROM exchange_call c JOIN exchange_call_batch b ON b.id = c.batch_id"
                + " WHERE NOT EXISTS (SELECT 1 FROM ledger_entry e WHERE e.subject = 'exchange-batch/' || b.id)").query(Long.class).single();
        System.out.printf("%nEvidence: %,d gateway calls sent, %,d call records written, %,d batches, %,d ledger entries"
                        + " (in the ledger %.1f s after the last call), calls without a ledger entry: %d%n",
                gatewaySent, recorded, batches, entries, (System.nanoTime() - started) / 1e9, unproven);
        table.add(row("every gateway call recorded, every batch in the ledger", "all",
                String.format("%,d sent, %,d recorded, %,d batches = %,d entries", gatewaySent, recorded, batches, entries),
                recorded == gatewaySent && unproven == 0 && batches == entries));
    }

    /** The big body through the gateway, heap measured after full collections while it streams. */
    static void bigBody(int port, String serviceId, String token, String direct, int megabytes, List<String[]> table)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (String via : new String[]{"direct", "gateway"}) {
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong();
            AtomicBoolean streaming = new AtomicBoolean(true);
            Thread sampler = Thread.ofPlatform().start(() -> {
                while (streaming.get()) {
                    System.gc();
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed() - baseline, Math::max);
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(via.equals("direct") ? direct + "/big"
                    : "http://127.0.0.1:" + port + "/r1/" + serviceId + "/big"));
            if (via.equals("gateway")) {
                request.header("Authorization", "Bearer " + token).header("X-Road-Client", CLIENT);
            }
            long began = System.nanoTime();
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            long bytes;
            try (InputStream body = response.body()) {
                bytes = body.transferTo(OutputStream.nullOutputStream());
            }
            double took = (System.nanoTime() - began) / 1e9;
            streaming.set(false);
            sampler.join();
            System.out.printf("%n%d MB body %s: status %d, %,d bytes delivered in %.1f s, live heap growth %.1f MB%n",
                    megabytes, via, response.statusCode(), bytes, took, peak.get() / 1048576.0);
            if (via.equals("gateway")) {
                table.add(row(megabytes + " MB JSON body through the gateway (minimised)", "heap growth < 32 MB",
                        String.format("%.1f MB (live, after full GCs), %.1f s, status %d", peak.get() / 1048576.0, took,
                                response.statusCode()), peak.get() < 32L * 1048576 && response.statusCode() == 200));
            }
        }
    }

    /** The provider both ways are measured against: one vehicle per GET, or a big body streamed. */
    static HttpServer provider(int bigMb) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/vehicles/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                String path = exchange.getRequestURI().getPath();
                if (path.endsWith("/big")) {
                    streamBig(exchange, bigMb);
                } else if (path.contains("/db/") && registry != null) {
                    byte[] body = registry.queryForObject("SELECT body FROM bench_vehicle WHERE plate = ?", String.class,
                            path.substring(path.lastIndexOf('/') + 1)).getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                } else {
                    exchange.sendResponseHeaders(200, VEHICLE.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(VEHICLE);
                    }
                }
            }
        });
        server.start();
        return server;
    }

    static void streamBig(HttpExchange exchange, int megabytes) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = new java.io.BufferedOutputStream(exchange.getResponseBody(), 64 * 1024)) {
            out.write("{\"plate\":\"清A12345\",\"inspections\":[".getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < megabytes * 1048576L; written += INSPECTION.length) {
                out.write(INSPECTION);
            }
            out.write("{}]}".getBytes(StandardCharsets.UTF_8));
        }
    }

    static long calls(ConfigurableApplicationContext app) {
        return app.getBean(JdbcClient.class).sql("SELECT count(*) FROM exchange_call WHERE service_id = 'CW-DEMO/GOV/TRANSPORT/vehicles/bench'")
                .query(Long.class).single();
    }

    static String[] row(String measure, String target, String measured, boolean met) {
        return new String[]{measure, target, measured, met ? "met" : "NOT MET"};
    }

    static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out waiting");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
