import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.commonweal.CommonwealApplication;
import org.commonweal.opendata.datastore.Datastore;
import org.commonweal.opendata.datastore.LoadReport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Datastore benchmark, one run: generates a realistic CSV (ten columns of mixed types, Chinese
 * text), loads it through the Datastore API, measures what indexing cost within that load, then
 * measures CKAN datastore_search over real HTTP with concurrent clients (a mix of filters, ranges
 * and sorts), a full-text q, and a streamed CSV export of the whole table. Prints figures; asserts nothing.
 *
 * <p>Usage: bench/run-datastore-benchmark.sh [rows=1000000] [query-seconds=30] [clients=16]
 */
public class DatastoreBenchmark {

    static final double TARGET_LOAD_ROWS_PER_SECOND = 50_000;
    static final double TARGET_QUERY_P99_MILLIS = 200;
    /** Long enough for the JIT to finish compiling the query path, so its work is not measured as query time. */
    static final int WARM_UP_SECONDS = 20;
    static final String[] DISTRICTS = {"东城区", "西城区", "南湖区", "北山区", "清河新区", "高新区", "滨江区", "临港区",
            "青松县", "白石县", "云溪县", "金沙县", "石桥镇", "柳林镇", "桃源乡", "梅岭乡"};
    static final String[] CATEGORIES = {"道路维修", "供水", "供电", "燃气", "环境卫生", "园林绿化", "噪声扰民", "交通出行",
            "教育", "医疗卫生", "社会保障", "住房"};
    static final String[] STATUSES = {"已受理", "办理中", "已办结", "已回访", "已退回"};
    static final String WORDS = "城市管理公共服务居民反映问题处理及时满意道路积水路灯损坏垃圾清运噪声油烟停车难学校医院社区";

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        Path data = Files.createTempDirectory("datastore-bench");
        List<String[]> summary = new ArrayList<>();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CommonwealApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--commonweal.database.directory=" + data,
                        "--commonweal.demo.enabled=false", "--commonweal.identity.admin-password=bench-admin-password-2026",
                        "--commonweal.ledger.audit-initial-delay=1000h", "--logging.level.root=WARN", "--logging.level.org.commonweal.opendata.datastore=INFO",
                        "--commonweal.opendata.datastore.work-directory=" + data.resolve("work"))) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            Datastore datastore = app.getBean(Datastore.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            System.out.printf("%nDatastore benchmark: %,d rows, %d s of queries with %d clients, %d cores, Java %s, load average %s%n",
                    rows, seconds, clients, Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAverage());

            Path csv = data.resolve("bench.csv");
            long generating = System.nanoTime();
            generate(csv, rows);
            System.out.printf("generated %s: %,d MB in %.1f s%n", csv.getFileName(), Files.size(csv) >> 20, seconds(generating));

            UUID resource = publishedResource(jdbc);
            double cpuBeforeLoad = CpuUse.now(data).total();
            long loading = System.nanoTime();
            LoadReport report;
            try (InputStream in = Files.newInputStream(csv)) {
                report = datastore.load(resource, in, "bench.csv", done -> { });
            }
            double loadSeconds = seconds(loading);
            double loadCpu = CpuUse.now(data).total() - cpuBeforeLoad;
            double rate = report.rows() / loadSeconds;
            System.out.printf("load: %,d rows in %.1f s = %,.0f rows/s (columns %s)%n", report.rows(), loadSeconds, rate,
                    report.columns().stream().map(c -> c.id() + ":" + c.type()).toList());
            summary.add(new String[]{"CSV load, rows/s (parse, COPY, indexes, swap)", fmt(TARGET_LOAD_ROWS_PER_SECOND), fmt(rate)});
            summary.add(new String[]{"  CPU used by the load (app + PostgreSQL), s; rows per CPU-second", "",
                    String.format("%.1f; %s", loadCpu, fmt(report.rows() / loadCpu))});

            double indexSeconds = indexCost(jdbc, resource, report.columns().size());
            summary.add(new String[]{"  of which building the indexes (redone alone), s", "", String.format("%.1f of %.1f", indexSeconds, loadSeconds)});
            summary.add(new String[]{"  load rate without the indexes, rows/s (derived)", "", fmt(report.rows() / (loadSeconds - indexSeconds))});

            Latencies baseline = sequential(port, 50, () -> "/actuator/health/liveness");
            summary.add(new String[]{"HTTP baseline: /actuator/health/liveness, p50 ms, 1 client", "", String.format("%.1f", baseline.millis(0.5))});
            for (int shape = 0; shape < SHAPES; shape++) {
                int chosen = shape;
                Latencies one = sequential(port, 30, () -> query(resource, chosen));
                summary.add(new String[]{"  query shape " + shape + " alone, p50 / p99 ms, 1 client", "",
                        String.format("%.1f / %.1f", one.millis(0.5), one.millis(0.99))});
                explain(jdbc, resource, chosen);
            }
            Latencies warm = queries(port, resource, clients, WARM_UP_SECONDS);
            System.out.printf("warm-up: %,d queries%n", warm.count());
            // the same client counts as package_search's target (4, 8), then the heavier load asked for
            for (int concurrent : java.util.stream.IntStream.of(4, 8, clients).distinct().sorted().toArray()) {
                double cpuBeforeQueries = CpuUse.now(data).total();
                Latencies measured = queries(port, resource, concurrent, seconds);
                double queryCpu = CpuUse.now(data).total() - cpuBeforeQueries;
                System.out.printf("datastore_search mix, %d clients, %d s: %,d queries, %.0f/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d%n",
                        concurrent, seconds, measured.count(), measured.count() / (double) seconds, measured.millis(0.5),
                        measured.millis(0.9), measured.millis(0.99), measured.millis(1.0), measured.errors());
                summary.add(new String[]{"datastore_search filtered + sorted, p99 ms (" + concurrent + " clients)", fmt(TARGET_QUERY_P99_MILLIS),
                        String.format("%.1f", measured.millis(0.99))});
                summary.add(new String[]{"  p50 ms / throughput queries/s / errors; CPU per query ms (app, client, PostgreSQL)", "",
                        String.format("%.1f / %.0f / %d; %.1f", measured.millis(0.5), measured.count() / (double) seconds,
                                measured.errors(), queryCpu * 1000 / measured.count())});
            }

            Latencies fullText = sequential(port, 10, () -> search(resource, "q=" + encode(word(ThreadLocalRandom.current()))));
            summary.add(new String[]{"datastore_search q (full text, scans the table), p50 ms, 1 client", "",
                    String.format("%.0f", fullText.millis(0.5))});

            long exporting = System.nanoTime();
            long bytes = download(port, "/data/datastore/" + resource + ".csv");
            double exportSeconds = seconds(exporting);
            summary.add(new String[]{"whole-table CSV download, rows/s (" + (bytes >> 20) + " MB, heap max "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB)", "", fmt(rows / exportSeconds)});
        } finally {
            deleteRecursively(data);
        }
        System.out.printf("%nDatastore benchmark summary (one run, %s, %d cores, load average at the end %s)%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.printf("%-78s %10s %16s%n", "measure", "target", "measured");
        for (String[] line : summary) {
            System.out.printf("%-78s %10s %16s%n", line[0], line[1], line[2]);
        }
    }

    /** Ten columns as an open-data table of citizen requests might have them, Chinese text included. */
    static void generate(Path csv, int rows) throws IOException {
        Random random = new Random(42);
        LocalDate start = LocalDate.of(2020, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("编号,区县,街道,类别,状态,受理日期,金额,数量,满意度,描述\n");
            StringBuilder line = new StringBuilder(200);
            for (int i = 1; i <= rows; i++) {
                line.setLength(0);
                int district = random.nextInt(DISTRICTS.length);
                line.append(100_000 + i).append(',')
                        .append(DISTRICTS[district]).append(',')
                        .append(DISTRICTS[district], 0, 2).append("街道").append(random.nextInt(200)).append(',')
                        .append(CATEGORIES[random.nextInt(CATEGORIES.length)]).append(',')
                        .append(STATUSES[random.nextInt(STATUSES.length)]).append(',')
                        .append(start.plusDays(random.nextInt(2200))).append(',')
                        .append(random.nextInt(1_000_000) / 100.0).append(',')
                        .append(random.nextInt(500)).append(',')
                        .append(1 + random.nextInt(5)).append('.').append(random.nextInt(10)).append(',');
                String description = word(random) + word(random) + "，" + word(random) + "（" + i % 97 + "号）";
                line.append(i % 50 == 0 ? "\"" + description + ",另见附件\"" : description).append('\n');
                out.append(line);
            }
        }
    }

    static String word(Random random) {
        int at = random.nextInt(WORDS.length() - 4);
        return WORDS.substring(at, at + 2 + random.nextInt(3));
    }

    /** Drops and rebuilds the indexes the load made, in the same database, to show what they cost. */
    /**
     * A published, unconditionally open dataset with one resource, written by SQL, so that queries
     * pass the portal's real access check exactly as a visitor's would.
     */
    static UUID publishedResource(JdbcClient jdbc) {
        UUID department = UUID.randomUUID();
        UUID dataset = UUID.randomUUID();
        UUID resource = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO identity_organisation (id, instance, member_class, member_code, kind, name_zh, name_en, created_at)
                VALUES (?, 'BENCH', 'GOV', 'BENCH-DATA', 'DEPARTMENT', '基准测试局', 'Benchmark bureau', now())
                """).params(department).update();
        jdbc.sql("""
                INSERT INTO opendata_dataset (id, name, title_zh, title_en, description_zh, description_en, theme, keywords,
                    licence, publisher_id, contact_name, contact_email, frequency, open_level, state,
                    created_at, modified_at, published_at)
                VALUES (?, 'bench-requests', '市民诉求办理明细', 'Citizen requests', '基准测试数据', 'Benchmark data', 'GOVE',
                    ARRAY['诉求'], 'CC_BY', ?, '数据开放办公室', 'opendata@qinghe.example.gov.cn', 'DAILY', 'UNCONDITIONAL',
                    'PUBLISHED', now(), now(), now())
                """).params(dataset, department).update();
        jdbc.sql("""
                INSERT INTO opendata_resource (id, dataset_id, position, name, kind, format, url, created_at, modified_at)
                VALUES (?, ?, 0, '明细', 'LINK', 'CSV', 'https://data.qinghe.example.gov.cn/bench.csv', now(), now())
                """).params(resource, dataset).update();
        return resource;
    }

    static double indexCost(JdbcClient jdbc, UUID resource, int columns) {
        String table = jdbc.sql("SELECT table_name FROM datastore_table WHERE resource_id = ?").param(resource)
                .query(String.class).single();
        List<String> indexes = jdbc.sql("SELECT indexdef FROM pg_indexes WHERE schemaname = 'datastore' AND tablename = ?")
                .param(table).query(String.class).list();
        List<String> names = jdbc.sql("SELECT indexname FROM pg_indexes WHERE schemaname = 'datastore' AND tablename = ? AND indexname NOT LIKE '%pkey'")
                .param(table).query(String.class).list();
        for (String name : names) {
            jdbc.sql("DROP INDEX datastore.\"" + name + "\"").update();
        }
        long started = System.nanoTime();
        jdbc.sql("SET maintenance_work_mem = '256MB'").update();
        for (String definition : indexes) {
            if (!definition.contains("pkey")) {
                jdbc.sql(definition).update();
            }
        }
        double took = seconds(started);
        System.out.printf("indexes: %d secondary indexes over %d columns rebuilt in %.1f s%n", names.size(), columns, took);
        return took;
    }

    record Latencies(long[] nanos, long errors) {
        long count() {
            return nanos.length;
        }

        double millis(double quantile) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            return nanos[(int) Math.min(nanos.length - 1, Math.floor(quantile * nanos.length))] / 1e6;
        }
    }

    static final int SHAPES = 6;

    /** A mix of what people ask a table of requests: one district's or category's rows, ranges of dates and amounts, sorted. */
    static String query(UUID resource, int shape) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        String status = STATUSES[random.nextInt(STATUSES.length)];
        LocalDate from = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000));
        int amount = random.nextInt(9000);
        return switch (shape) {
            case 0 -> search(resource, "filters=" + encode("{\"区县\": \"" + district + "\"}") + "&sort=" + encode("金额 desc"));
            case 1 -> search(resource, "filters=" + encode("{\"类别\": \"" + category + "\", \"状态\": \"" + status + "\"}")
                    + "&sort=" + encode("受理日期 desc") + "&limit=20");
            case 2 -> search(resource, "filters=" + encode("{\"金额\": {\"gte\": " + amount + ", \"lt\": " + (amount + 50) + "}}")
                    + "&sort=金额");
            case 3 -> search(resource, "filters=" + encode("{\"区县\": \"" + district + "\", \"受理日期\": {\"gte\": \"" + from
                    + "\", \"lte\": \"" + from.plusDays(30) + "\"}}") + "&sort=编号");
            case 4 -> search(resource, "sort=" + encode("受理日期 desc") + "&offset=" + random.nextInt(1000) + "&limit=50");
            default -> search(resource, "filters=" + encode("{\"街道\": \"" + district.substring(0, 2) + "街道" + random.nextInt(200)
                    + "\"}") + "&sort=" + encode("数量 desc, 编号") + "&fields=" + encode("编号,街道,数量,满意度"));
        };
    }

    /** The plan PostgreSQL chose for one example of a query shape (parameters inlined), for reading the results. */
    static void explain(JdbcClient jdbc, UUID resource, int shape) {
        String table = jdbc.sql("SELECT table_name FROM datastore_table WHERE resource_id = ?").param(resource)
                .query(String.class).single();
        String sql = switch (shape) {
            case 0 -> "SELECT * FROM datastore.\"%s\" WHERE c1 = '东城区' ORDER BY c6 DESC, _id LIMIT 100";
            case 1 -> "SELECT * FROM datastore.\"%s\" WHERE c3 = '供水' AND c4 = '已办结' ORDER BY c5 DESC, _id LIMIT 20";
            case 2 -> "SELECT * FROM datastore.\"%s\" WHERE c6 >= 1000 AND c6 < 1050 ORDER BY c6, _id LIMIT 100";
            case 3 -> "SELECT * FROM datastore.\"%s\" WHERE c1 = '东城区' AND c5 >= '2022-01-01' AND c5 <= '2022-01-31' ORDER BY c0, _id LIMIT 100";
            case 4 -> "SELECT * FROM datastore.\"%s\" ORDER BY c5 DESC, _id LIMIT 50 OFFSET 900";
            default -> "SELECT c0, c2, c7, c8 FROM datastore.\"%s\" WHERE c2 = '东城街道7' ORDER BY c7 DESC, c0, _id LIMIT 100";
        };
        List<String> plan = jdbc.sql("EXPLAIN (ANALYZE, COSTS OFF) " + sql.formatted(table)).query(String.class).list();
        System.out.println("shape " + shape + ":\n  " + String.join("\n  ", plan));
        String count = sql.formatted(table).replaceFirst("SELECT .* FROM", "SELECT count(*) FROM").replaceFirst(" ORDER BY.*", "");
        if (count.contains("WHERE")) {
            List<String> countPlan = jdbc.sql("EXPLAIN (ANALYZE, COSTS OFF) " + count).query(String.class).list();
            System.out.println("  count:\n  " + String.join("\n  ", countPlan));
        }
    }

    static String search(UUID resource, String parameters) {
        return "/api/3/action/datastore_search?resource_id=" + resource + "&" + parameters;
    }

    static Latencies queries(int port, UUID resource, int clients, int seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<List<Long>>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                List<List<Long>> nanosByShape = Stream.generate(() -> (List<Long>) new ArrayList<Long>()).limit(SHAPES).toList();
                while (System.nanoTime() < end) {
                    int shape = ThreadLocalRandom.current().nextInt(SHAPES);
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + query(resource, shape))).build();
                    long started = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    nanosByShape.get(shape).add(System.nanoTime() - started);
                    if (response.statusCode() != 200 && errors.incrementAndGet() <= 3) {
                        System.out.println("error " + response.statusCode() + ": " + response.body());
                    }
                }
                return nanosByShape;
            }));
        }
        List<List<Long>> byShape = Stream.generate(() -> (List<Long>) new ArrayList<Long>()).limit(SHAPES).toList();
        for (Future<List<List<Long>>> result : results) {
            List<List<Long>> one = result.get();
            for (int shape = 0; shape < SHAPES; shape++) {
                byShape.get(shape).addAll(one.get(shape));
            }
        }
        pool.shutdown();
        StringBuilder perShape = new StringBuilder("  p50 / p99 ms by shape:");
        for (int shape = 0; shape < SHAPES; shape++) {
            Latencies one = new Latencies(byShape.get(shape).stream().mapToLong(Long::longValue).sorted().toArray(), 0);
            perShape.append(String.format(" %d: %.0f / %.0f;", shape, one.millis(0.5), one.millis(0.99)));
        }
        System.out.println(perShape);
        return new Latencies(byShape.stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray(), errors.get());
    }

    static Latencies sequential(int port, int count, Supplier<String> paths) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long[] nanos = new long[count];
        long errors = 0;
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + paths.get())).build(),
                    HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - started;
            errors += response.statusCode() == 200 ? 0 : 1;
        }
        Arrays.sort(nanos);
        return new Latencies(nanos, errors);
    }

    static long download(int port, String path) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = response.body()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                bytes += read;
            }
        }
        System.out.printf("download %s: HTTP %d, %,d bytes%n", path, response.statusCode(), bytes);
        return bytes;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String fmt(double value) {
        return String.format("%,.0f", value);
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
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
