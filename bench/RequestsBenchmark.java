import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.commonweal.CommonwealApplication;
import org.commonweal.identity.Accounts;
import org.commonweal.identity.ApiTokens;
import org.commonweal.requests.internal.RequestStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One run, one machine, one PostgreSQL: the requests module against its performance targets.
 * Open311 POSTs with their evidence against a bare insert of the same row (closed loop over several
 * client counts, and an open loop at the target rate), the evidence integrated into the ledger,
 * then pages and Open311 reads over many stored requests, and a month's three-rate report. Prints
 * figures, ratios and a table of targets; asserts nothing.
 */
public class RequestsBenchmark {

    static final String OPEN311 = "/open311/v2/requests.json";
    static final String ADMIN_PASSWORD = "bench-admin-password-2026";
    static final String DEMO_PASSWORD = "bench-demo-password-2026";
    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    static final int[] CLIENTS = {16, 32, 64};
    static final int TARGET_RATE = 2_000;
    static final double TARGET_POST_P99 = 50;
    static final double TARGET_READ_P99 = 100;
    static final double TARGET_REPORT_MILLIS = 3_000;
    static final Duration RUN_WARM_UP = Duration.ofSeconds(3);

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        long stored = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        Path data = Files.createTempDirectory("requests-bench");
        Instant began = Instant.now();
        Table table = new Table();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CommonwealApplication.class, BareRequests.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--commonweal.database.directory=" + data,
                        "--commonweal.demo.enabled=true", "--commonweal.demo.password=" + DEMO_PASSWORD,
                        "--commonweal.identity.admin-password=" + ADMIN_PASSWORD, "--commonweal.requests.demo-count=0",
                        "--commonweal.ledger.audit-initial-delay=1000h", "--logging.level.root=WARN",
                        // overload answers 500s by the thousand: they are counted and their first bodies printed instead
                        "--logging.level.org.commonweal.requests.open311.Open311ErrorResolver=OFF")) {
            System.out.printf("%nRequests benchmark: %d s per POST run, %,d generated requests, %d cores, %s, load average %s%n",
                    seconds, stored, Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAverage());
            Bench bench = new Bench(app, table);
            bench.posts(Duration.ofSeconds(seconds));
            bench.evidence();
            new RequestsData(app).add(stored);
            bench.reads();
            bench.monthReport();
            bench.postsWithStoredRequests(Duration.ofSeconds(seconds));
        } finally {
            deleteRecursively(data);
        }
        System.out.printf("%nRequests benchmark summary (one run, %s, %d cores, %.0f min, load average at the end %s)%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                Duration.between(began, Instant.now()).toSeconds() / 60.0, loadAverage());
        table.print();
    }

    static final class Bench {
        private final ConfigurableApplicationContext app;
        private final Table table;
        private final Path data;
        private final JdbcClient jdbc;
        private final int port;
        private final String apiKey;
        private final UUID client;
        private final PostLoad load;
        private final com.zaxxer.hikari.HikariDataSource pool;
        private long postsEnded;

        Bench(ConfigurableApplicationContext app, Table table) {
            this.app = app;
            this.data = Path.of(app.getEnvironment().getRequiredProperty("commonweal.database.directory"));
            this.table = table;
            this.jdbc = app.getBean(JdbcClient.class);
            this.port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            this.client = jdbc.sql("SELECT id FROM identity_organisation WHERE member_code = 'URBAN-MGMT'").query(UUID.class).single();
            UUID admin = app.getBean(Accounts.class).findByUsername("admin").orElseThrow().id();
            this.apiKey = app.getBean(ApiTokens.class).issue(client, "Requests benchmark", admin).secret();
            this.load = new PostLoad(port);
            this.pool = app.getBean(com.zaxxer.hikari.HikariDataSource.class);
        }

        // ---- Open311 POSTs against the bare insert ------------------------------------------------

        void posts(Duration measured) throws InterruptedException {
            System.out.printf("%nOpen311 POST %s (form-encoded, api_key, evidence) against the bare insert %s%n",
                    OPEN311, BareRequests.PATH);
            load.closedLoop("warm-up", BareRequests.PATH, this::form, 32, Duration.ZERO, Duration.ofSeconds(10));
            load.closedLoop("warm-up", OPEN311, this::form, 32, Duration.ZERO, Duration.ofSeconds(10));
            PostLoad.Run bestReal = null;
            PostLoad.Run bestBare = null;
            PostLoad.Run bareAtBest = null;
            for (int clients : CLIENTS) {
                PostLoad.Run bare = observed(() -> load.closedLoop("bare, closed loop, " + clients + " clients", BareRequests.PATH,
                        this::form, clients, RUN_WARM_UP, measured));
                PostLoad.Run real = observed(() -> load.closedLoop("Open311, closed loop, " + clients + " clients", OPEN311,
                        this::form, clients, RUN_WARM_UP, measured));
                System.out.printf("    ratio Open311 / bare at %d clients: throughput %.2f, p99 %.2f%n", clients,
                        real.perSecond() / bare.perSecond(), real.millis(0.99) / bare.millis(0.99));
                // the best rate at which p99 holds (the target is a rate with its p99), else the best rate
                if (bestReal == null || better(real, bestReal)) {
                    bestReal = real;
                    bareAtBest = bare;
                }
                if (bestBare == null || bare.perSecond() > bestBare.perSecond()) {
                    bestBare = bare;
                }
            }
            PostLoad.Run openBare = observed(() -> load.openLoop("bare, open loop " + TARGET_RATE + "/s", BareRequests.PATH,
                    this::form, TARGET_RATE, RUN_WARM_UP, measured));
            PostLoad.Run openReal = observed(() -> load.openLoop("Open311, open loop " + TARGET_RATE + "/s", OPEN311,
                    this::form, TARGET_RATE, RUN_WARM_UP, measured));
            postsEnded = System.nanoTime();

            table.add("POST Open311, closed loop, best with p99 <= 50 ms of " + java.util.Arrays.toString(CLIENTS) + " clients",
                    ">= 2,000/s, p99 <= 50 ms", String.format("%,.0f/s (%s), p99 %.1f ms, errors %d",
                            bestReal.perSecond(), clientsOf(bestReal), bestReal.millis(0.99), bestReal.errors()),
                    verdict(bestReal.perSecond() >= TARGET_RATE && bestReal.millis(0.99) <= TARGET_POST_P99
                            && bestReal.errors() == 0));
            table.add("POST Open311, open loop at 2,000/s", "p99 <= 50 ms", String.format(
                            "%,.0f/s done, p50 %.1f ms, p99 %.1f ms, max %.0f ms, errors %d, not sent %d",
                            openReal.perSecond(), openReal.millis(0.5), openReal.millis(0.99), openReal.maxMillis(),
                            openReal.errors(), openReal.notSent()),
                    verdict(openReal.perSecond() >= TARGET_RATE * 0.98 && openReal.millis(0.99) <= TARGET_POST_P99
                            && openReal.errors() == 0 && openReal.notSent() == 0));
            table.add("POST bare insert, closed loop, best", "(baseline)", String.format("%,.0f/s (%s), p99 %.1f ms",
                    bestBare.perSecond(), clientsOf(bestBare), bestBare.millis(0.99)), "");
            table.add("POST bare insert, open loop at 2,000/s", "(baseline)", String.format("p50 %.1f ms, p99 %.1f ms",
                    openBare.millis(0.5), openBare.millis(0.99)), "");
            table.add("POST ratio Open311 / bare, throughput (best / best)", "(report)",
                    String.format("%.2f", bestReal.perSecond() / bestBare.perSecond()), "");
            table.add("POST ratio Open311 / bare, p99 (closed, " + clientsOf(bestReal) + ")", "(report)",
                    String.format("%.2f", bestReal.millis(0.99) / bareAtBest.millis(0.99)), "");
            table.add("POST ratio Open311 / bare, p99 (open loop 2,000/s)", "(report)",
                    String.format("%.2f", openReal.millis(0.99) / openBare.millis(0.99)), "");
        }

        private static boolean better(PostLoad.Run run, PostLoad.Run than) {
            boolean holds = run.millis(0.99) <= TARGET_POST_P99;
            boolean thanHolds = than.millis(0.99) <= TARGET_POST_P99;
            return holds != thanHolds ? holds : run.perSecond() > than.perSecond();
        }

        private static String clientsOf(PostLoad.Run run) {
            return run.label().replaceAll(".*closed loop, ", "");
        }

        interface Measurement {
            PostLoad.Run run() throws InterruptedException;
        }

        /** Runs a load with the connection pool and CPU watched, and prints what it gave. */
        private PostLoad.Run observed(Measurement measurement) throws InterruptedException {
            poolWatch.start();
            CpuUse cpu = CpuUse.now(data);
            PostLoad.Run run = measurement.run();
            System.out.println("  " + run.summary() + "  " + poolWatch.report() + "  " + cpu.since(run.perSecond()));
            run.firstErrors().forEach(error -> System.out.println("      first errors: " + error));
            return run;
        }

        /** The busiest the connection pool got during the last run: a saturated pool explains queueing and 500s. */
        private final PoolWatch poolWatch = new PoolWatch();

        final class PoolWatch {
            private volatile int maxActive;
            private volatile int maxWaiting;
            private volatile Thread sampler;

            void start() {
                maxActive = 0;
                maxWaiting = 0;
                sampler = Thread.ofPlatform().daemon().start(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        var mx = pool.getHikariPoolMXBean();
                        maxActive = Math.max(maxActive, mx.getActiveConnections());
                        maxWaiting = Math.max(maxWaiting, mx.getThreadsAwaitingConnection());
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
            }

            String report() {
                if (sampler != null) {
                    sampler.interrupt();
                }
                return String.format("pool: max %d/%d busy, max %d waiting", maxActive, pool.getMaximumPoolSize(), maxWaiting);
            }
        }

        /**
         * A different report each time (the domain answers a repeated POST from the same client within
         * ten minutes with the first request): categories whose questions it answers, a point in the
         * city for those about a place, and a contact address as a client system passes it on.
         */
        private String form(long n) {
            StringBuilder form = new StringBuilder("api_key=").append(apiKey);
            switch ((int) (n % 10)) {
                case 0, 1, 2 -> form.append("&service_code=streetlight&").append(encode("attribute[lamp_state]")).append('=')
                        .append(List.of("off", "flickering", "day").get((int) (n / 10 % 3)));
                case 3, 4 -> {
                    form.append("&service_code=noise&").append(encode("attribute[noise_times][]")).append("=night");
                    if (n % 2 == 0) {
                        form.append('&').append(encode("attribute[noise_times][]")).append("=weekend");
                    }
                }
                case 5 -> form.append("&service_code=road-damage&").append(encode("attribute[width_cm]")).append('=')
                        .append(10 + n % 150);
                case 6 -> form.append("&service_code=property-management");
                case 7 -> form.append("&service_code=water-outage");
                case 8 -> form.append("&service_code=illegal-construction");
                default -> form.append("&service_code=unpaid-wages&").append(encode("attribute[months_owed]")).append('=')
                        .append(1 + n % 6);
            }
            if (n % 10 != 9) {
                double lat = 30.0 + 0.3 * fraction(n * 0.6180339887498949);
                double lon = 120.0 + 0.4 * fraction(n * 0.7548776662466927);
                form.append(String.format("&lat=%.6f&long=%.6f", lat, lon))
                        .append("&address_string=").append(encode("清河市人民路" + (1 + n % 500) + "号附近"));
            }
            form.append("&description=").append(encode("基准测试第 " + n + " 号反映：" + PHRASES.get((int) (n % PHRASES.size()))))
                    .append("&email=").append(encode("bench" + n % 100_000 + "@example.cn"));
            return form.toString();
        }

        private static final List<String> PHRASES = List.of("已经好几天了，请尽快处理。", "影响附近居民的正常生活。",
                "多次反映仍未解决，希望相关部门尽快核实。", "附近老人孩子较多，存在安全隐患。");

        private static double fraction(double x) {
            return x - Math.floor(x);
        }

        // ---- the evidence of every accepted POST -----------------------------------------------

        void evidence() {
            long accepted = load.accepted(OPEN311);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            long pending;
            while ((pending = count("SELECT count(*) FROM ledger_pending")) > 0 && System.nanoTime() < deadline) {
                sleep(20);
            }
            double drained = (System.nanoTime() - postsEnded) / 1e9;
            long entries = count("SELECT count(*) FROM ledger_entry WHERE type = 'requests.submitted'");
            long rows = count("SELECT count(*) FROM requests_request WHERE client_id = '" + client + "'");
            long history = count("SELECT count(*) FROM requests_update WHERE kind = 'SUBMITTED'");
            long logSize = count("SELECT count(*) FROM ledger_entry");
            long signed = count("SELECT coalesce(max(size), 0) FROM ledger_checkpoint");
            System.out.printf("%nEvidence: %,d Open311 POSTs answered 200; %,d requests stored for the client (%,d of them"
                            + " answered with an error after the commit), %,d history rows, %,d requests.submitted entries"
                            + " in the log; pending %d, %.1f s after the last POST; the latest signed checkpoint covers"
                            + " %,d of %,d entries%n",
                    accepted, rows, rows - accepted, history, entries, pending, drained, signed, logSize);
            // every stored request has its evidence, and every answered POST was stored
            boolean complete = pending == 0 && entries == rows && history == rows && rows >= accepted && signed == logSize;
            table.add("Evidence: requests.submitted entries = stored POSTs", "equal, pending 0",
                    String.format("%,d = %,d (%,d answered 200), pending %d %.1f s after the last POST", entries, rows,
                            accepted, pending, drained), verdict(complete));
            replayCheck();
        }

        /**
         * The plan of the replay check every Open311 POST makes (the NOT EXISTS in RequestStore.insert;
         * the same condition as RequestStore.recentIdentical, explained here as a query of its own) for
         * a report not seen before, as the client's last ten minutes stand after the POST runs.
         */
        private void replayCheck() {
            long window = count("SELECT count(*) FROM requests_request WHERE client_id = '" + client
                    + "' AND submitted_at >= now() - interval '10 minutes'");
            System.out.printf("  the replay check of a new POST, with %,d requests of this client in the last 10 minutes:%n", window);
            try (Connection db = new RequestsData(app).connect()) {
                System.out.print(ReadLatencies.explain(db, new ReadLatencies.Explained("SELECT " + RequestStore.COLUMNS
                        + " FROM requests_request WHERE client_id = ? AND fingerprint = ? AND submitted_at >= ?"
                        + " ORDER BY submitted_at LIMIT 1", client, "sha256:a-report-never-sent-before",
                        Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))))));
            } catch (java.sql.SQLException e) {
                System.out.println("  (could not explain: " + e.getMessage() + ")");
            }
        }

        // ---- reads over the stored requests ----------------------------------------------------

        void reads() throws Exception {
            long stored = count("SELECT count(*) FROM requests_request");
            System.out.printf("%nReads with %,d stored requests (one client, one request after the other)%n", stored);
            ReadLatencies.Browser staff = new ReadLatencies.Browser(port).signIn("staff.urban", DEMO_PASSWORD);
            ReadLatencies.Browser anyone = new ReadLatencies.Browser(port);
            ReadLatencies staffReads = new ReadLatencies(staff, 50, 300);
            ReadLatencies publicReads = new ReadLatencies(anyone, 50, 300);
            Timestamp now = Timestamp.from(Instant.now());
            String open = "status IN ('IN_PROGRESS', 'SUBMITTED', 'WAITING_FOR_CITIZEN')";
            String clockOpen = "status IN ('UNROUTED', 'SUBMITTED', 'IN_PROGRESS')";
            String anyOpen = "status IN ('IN_PROGRESS', 'SUBMITTED', 'UNROUTED', 'WAITING_FOR_CITIZEN')";
            String deadlineFirst = " ORDER BY resolution_due, id LIMIT 26 OFFSET ";
            String newestFirst = " ORDER BY submitted_at DESC, id LIMIT ? OFFSET ?";
            List<ReadLatencies.Result> results = new ArrayList<>();

            results.add(staffReads.measure(measure("Inbox /department/requests (open, page 1)",
                    probe("/department/requests", open + " AND department_id = ?" + deadlineFirst + "0", client))));
            results.add(staffReads.measure(measure("Inbox ?view=OVERDUE",
                    probe("/department/requests?view=OVERDUE", "department_id = ? AND " + clockOpen
                            + " AND resolution_due <= ?" + deadlineFirst + "0", client, now))));
            results.add(staffReads.measure(measure("Inbox ?view=DUE_SOON",
                    probe("/department/requests?view=DUE_SOON", "department_id = ? AND " + clockOpen
                            + " AND resolution_due > ? AND (resolution_due - ?) * 4 <= (resolution_due - submitted_at)"
                            + deadlineFirst + "0", client, now, now))));
            results.add(staffReads.measure(measure("Inbox ?page=2",
                    probe("/department/requests?page=2", open + " AND department_id = ?" + deadlineFirst + "25", client))));

            results.add(publicReads.measure(measure("Public list /requests",
                    probe("/requests", "TRUE" + newestFirst, 26, 0))));
            results.add(publicReads.measure(measure("Public list ?category=noise&status=open",
                    probe("/requests?category=noise&status=open", "service_code = ANY (?) AND " + anyOpen + newestFirst,
                            new String[]{"noise"}, 26, 0))));
            results.add(publicReads.measure(measure("Public list ?district=WANGSHAN&page=5",
                    probe("/requests?district=WANGSHAN&page=5", "district_code = ?" + newestFirst, "WANGSHAN", 26, 100))));

            LocalDate today = LocalDate.now(CITY);
            List<ReadLatencies.Probe> openSearches = new ArrayList<>();
            List<ReadLatencies.Probe> allSearches = new ArrayList<>();
            for (int window = 0; window < 3; window++) {
                LocalDate end = today.minusDays(90L * window);
                LocalDate start = end.minusDays(89);
                Timestamp from = Timestamp.from(start.atStartOfDay(CITY).toInstant());
                Timestamp until = Timestamp.from(end.plusDays(1).atStartOfDay(CITY).toInstant());
                for (String codes : List.of("streetlight", "noise", "road-damage", "streetlight,noise,gas-leak")) {
                    String path = OPEN311 + "?service_code=" + codes + "&start_date=" + start + "&end_date=" + end;
                    String[] codeArray = codes.split(",");
                    openSearches.add(probe(path + "&status=open", "service_code = ANY (?) AND " + anyOpen
                            + " AND submitted_at >= ? AND submitted_at < ?" + newestFirst, codeArray, from, until, 1001, 0));
                    allSearches.add(probe(path, "service_code = ANY (?) AND submitted_at >= ? AND submitted_at < ?"
                            + newestFirst, codeArray, from, until, 1001, 0));
                }
            }
            results.add(publicReads.measure(new ReadLatencies.Measure(
                    "Open311 search service_code + 90 days + status=open", openSearches, TARGET_READ_P99)));
            results.add(publicReads.measure(new ReadLatencies.Measure(
                    "Open311 search service_code + 90 days (open and closed)", allSearches, TARGET_READ_P99)));
            Timestamp lastNinety = Timestamp.from(Instant.now().minus(Duration.ofDays(90)));
            results.add(publicReads.measure(measure("Open311 search status=open (last 90 days, all services)",
                    probe(OPEN311 + "?status=open", anyOpen + " AND submitted_at >= ? AND submitted_at < ?" + newestFirst,
                            lastNinety, now, 1001, 0))));
            List<String> ids = jdbc.sql("SELECT tracking_number FROM requests_request TABLESAMPLE SYSTEM (0.5) LIMIT 500")
                    .query(String.class).list();
            List<ReadLatencies.Probe> byId = ids.stream().map(id -> probe(OPEN311 + "?service_request_id=" + id,
                    "tracking_number = ANY (?)" + newestFirst, new String[]{id}, 1001, 0)).toList();
            results.add(publicReads.measure(new ReadLatencies.Measure("Open311 search service_request_id (one, existing)",
                    byId, TARGET_READ_P99)));
            List<ReadLatencies.Probe> byTen = new ArrayList<>();
            for (int i = 0; i + 10 <= ids.size(); i += 10) {
                List<String> ten = ids.subList(i, i + 10);
                byTen.add(probe(OPEN311 + "?service_request_id=" + String.join(",", ten),
                        "tracking_number = ANY (?)" + newestFirst, ten.toArray(String[]::new), 1001, 0));
            }
            results.add(publicReads.measure(new ReadLatencies.Measure("Open311 search service_request_id (ten)",
                    byTen, TARGET_READ_P99)));

            try (Connection db = new RequestsData(app).connect()) {
                for (ReadLatencies.Result result : results) {
                    System.out.printf("  %-56s p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  %,8d bytes  errors %d%s%n",
                            result.measure().label(), result.millis(0.5), result.millis(0.99), result.maxMillis(),
                            result.meanBytes(), result.errors(), result.met() ? "" : "   <- over target");
                    result.firstErrors().forEach(error -> System.out.println("      error: " + error));
                    if (!result.met()) {
                        if (result.meanByProbe().size() > 1) {
                            result.meanByProbe().stream().limit(6).forEach(probe -> System.out.printf(
                                    "      mean %7.1f ms  GET %s%n", probe.getValue(), probe.getKey()));
                        }
                        System.out.println("      slowest probe on average: GET " + result.slowest().path());
                        System.out.print(ReadLatencies.explain(db, result.slowest().sql()));
                        System.out.print(ReadLatencies.tableReadsPerRequest(db,
                                result.measure().label().startsWith("Inbox") ? staff : anyone, result.slowest().path(), 5));
                    }
                    table.add(result.measure().label(), "p99 <= " + (int) result.measure().targetMillis() + " ms",
                            String.format("p50 %.1f ms, p99 %.1f ms%s", result.millis(0.5), result.millis(0.99),
                                    result.errors() > 0 ? ", errors " + result.errors() : ""), verdict(result.met()));
                }
            }
        }

        private static ReadLatencies.Measure measure(String label, ReadLatencies.Probe probe) {
            return new ReadLatencies.Measure(label, List.of(probe), TARGET_READ_P99);
        }

        private static ReadLatencies.Probe probe(String path, String where, Object... parameters) {
            return new ReadLatencies.Probe(path, new ReadLatencies.Explained(
                    "SELECT " + RequestStore.COLUMNS + " FROM requests_request WHERE " + where, parameters));
        }

        // ---- a month's three rates -------------------------------------------------------------

        /** The statistics service is built on another branch: called by reflection when it is there. */
        void monthReport() throws Exception {
            YearMonth month = YearMonth.now(CITY).minusMonths(1);
            long inMonth = count("SELECT count(*) FROM requests_request WHERE submitted_at >= '"
                    + month.atDay(1).atStartOfDay(CITY).toInstant() + "' AND submitted_at < '"
                    + month.plusMonths(1).atDay(1).atStartOfDay(CITY).toInstant() + "'");
            Class<?> statistics;
            try {
                statistics = Class.forName("org.commonweal.requests.RequestStatistics", true, app.getClassLoader());
            } catch (ClassNotFoundException e) {
                statistics = null;
            }
            String label;
            ThrowingRunnable report;
            if (statistics != null) {
                Object service = app.getBean(statistics);
                Method monthly = statistics.getMethod("month", YearMonth.class);
                label = "Month report RequestStatistics.month(" + month + ")";
                report = () -> monthly.invoke(service, month);
            } else {
                System.out.printf("%nRequestStatistics: not built yet; the month's report is measured with a SQL stand-in%n");
                label = "Month report (SQL stand-in, RequestStatistics not built yet)";
                report = () -> jdbc.sql(MONTH_STAND_IN).param("from", Timestamp.from(month.atDay(1).atStartOfDay(CITY).toInstant()))
                        .param("to", Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(CITY).toInstant()))
                        .param("now", Timestamp.from(Instant.now())).query().listOfRows();
            }
            report.run(); // warm-up
            long[] millis = new long[5];
            for (int i = 0; i < millis.length; i++) {
                long start = System.nanoTime();
                report.run();
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            java.util.Arrays.sort(millis);
            System.out.printf("%n%s over %,d requests of the month: runs %s ms%n", label, inMonth, java.util.Arrays.toString(millis));
            boolean met = millis[millis.length - 1] <= TARGET_REPORT_MILLIS;
            if (!met && statistics == null) {
                try (Connection db = new RequestsData(app).connect()) {
                    System.out.print(ReadLatencies.explain(db, new ReadLatencies.Explained(MONTH_STAND_IN
                            .replace(":from", "?").replace(":to", "?").replace(":now", "?"),
                            Timestamp.from(Instant.now()), Timestamp.from(month.atDay(1).atStartOfDay(CITY).toInstant()),
                            Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(CITY).toInstant()))));
                }
            }
            table.add(label, "<= 3 s", String.format("median %,d ms, max %,d ms (%,d requests)", millis[2], millis[4], inMonth),
                    verdict(met));
        }

        /** Only for timing when the statistics service is missing: one grouped pass over the month. */
        private static final String MONTH_STAND_IN = """
                SELECT department_id, district_code, service_code, count(*) AS received,
                       count(*) FILTER (WHERE first_response_at IS NOT NULL OR response_due <= :now) AS response_judged,
                       count(*) FILTER (WHERE first_response_at <= response_due) AS responded_on_time,
                       count(*) FILTER (WHERE rating IS NOT NULL) AS rated,
                       count(*) FILTER (WHERE rated_solved) AS solved,
                       count(*) FILTER (WHERE rating IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied
                FROM requests_request WHERE submitted_at >= :from AND submitted_at < :to
                GROUP BY GROUPING SETS ((department_id), (district_code), (service_code), ())
                """;

        interface ThrowingRunnable {
            void run() throws Exception;
        }

        // ---- writes again, now with the table full -----------------------------------------------

        void postsWithStoredRequests(Duration measured) throws InterruptedException {
            long stored = count("SELECT count(*) FROM requests_request");
            System.out.printf("%nOpen311 POST again with %,d stored requests%n", stored);
            PostLoad.Run open = observed(() -> load.openLoop("Open311, open loop " + TARGET_RATE + "/s", OPEN311, this::form,
                    TARGET_RATE, RUN_WARM_UP, measured));
            table.add(String.format("POST Open311, open loop at 2,000/s, %,d stored", stored), "p99 <= 50 ms",
                    String.format("%,.0f/s done, p50 %.1f ms, p99 %.1f ms, errors %d, not sent %d", open.perSecond(),
                            open.millis(0.5), open.millis(0.99), open.errors(), open.notSent()),
                    verdict(open.perSecond() >= TARGET_RATE * 0.98 && open.millis(0.99) <= TARGET_POST_P99
                            && open.errors() == 0 && open.notSent() == 0));
        }

        private long count(String sql) {
            return jdbc.sql(sql).query(Long.class).single();
        }
    }

    /** The summary: one line per measure with its target. */
    static final class Table {
        private final List<String[]> rows = new ArrayList<>();

        void add(String measure, String target, String measured, String verdict) {
            rows.add(new String[]{measure, target, measured, verdict});
        }

        void print() {
            int[] widths = {7, 6, 8, 7};
            List<String[]> all = new ArrayList<>();
            all.add(new String[]{"measure", "target", "measured", "verdict"});
            all.addAll(rows);
            for (String[] row : all) {
                for (int i = 0; i < 4; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            String format = "  %-" + widths[0] + "s | %-" + widths[1] + "s | %-" + widths[2] + "s | %s%n";
            System.out.printf(format, (Object[]) all.get(0));
            System.out.println("  " + "-".repeat(widths[0] + widths[1] + widths[2] + widths[3] + 9));
            for (String[] row : rows) {
                System.out.printf(format, (Object[]) row);
            }
        }
    }

    static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
