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
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.commonweal.CommonwealApplication;
import org.commonweal.opendata.internal.SearchIndex;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One run, one machine: the open data portal against its targets with a generated catalogue
 * (default 200,000 datasets). Full reindex from PostgreSQL; CKAN package_search with a query and
 * three facets over HTTP from several clients; a DCAT-AP catalogue page of 100 datasets. Prints
 * figures and a table of targets; asserts nothing.
 */
public class OpenDataBenchmark {

    static final String[] TOPICS = {"公交站点", "空气质量", "财政预算", "常住人口", "学校名录", "医疗机构", "停车场", "充电桩",
            "公共厕所", "养老机构", "食品安全检查", "市场主体登记", "供水水质", "住房竣工", "就业统计", "路灯设施", "噪声监测",
            "垃圾分类", "公园绿地", "体育场馆"};
    static final String[] TOPICS_EN = {"bus stops", "air quality", "budget", "population", "schools", "hospitals",
            "car parks", "charging stations", "public toilets", "elderly care", "food inspections", "business registrations",
            "water quality", "housing completions", "employment", "street lights", "noise monitoring", "waste sorting",
            "parks", "sports venues"};
    static final String[] QUERIES = {"公交", "空气质量", "预算", "人口", "学校", "医院", "停车", "充电", "养老", "就业",
            "air quality", "schools", "budget", "parking", "noise", "临江区 公交", "望山区 学校", "water"};
    static final String FACETS = "[\"organization\",\"groups\",\"res_format\"]";

    public static void main(String[] args) throws Exception {
        int datasets = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path data = Files.createTempDirectory("opendata-bench");
        List<String[]> table = new ArrayList<>();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CommonwealApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--commonweal.database.directory=" + data,
                        "--commonweal.demo.enabled=true", "--commonweal.demo.password=bench-demo-password-2026",
                        "--commonweal.identity.admin-password=bench-admin-password-2026", "--commonweal.requests.demo-count=0",
                        "--commonweal.opendata.reindex-on-start=false", "--commonweal.opendata.demo-datasets=false",
                        "--logging.level.root=WARN")) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            System.out.printf("%nOpen data benchmark: %,d generated datasets, %d s per search run, %d cores, Java %s, load average %s%n",
                    datasets, seconds, Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAverage());
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Thread.sleep(3000); // the demo city's organisations are loaded after start
            long started = System.nanoTime();
            generate(jdbc, datasets);
            System.out.printf("  generated %,d datasets with a resource each in %.1f s%n", datasets, (System.nanoTime() - started) / 1e9);

            SearchIndex index = app.getBean(SearchIndex.class);
            started = System.nanoTime();
            int indexed = index.reindex();
            double reindexSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("  full reindex: %,d datasets in %.1f s (%,.0f datasets/s)%n", indexed, reindexSeconds, indexed / reindexSeconds);
            table.add(new String[]{"full reindex of " + String.format("%,d", indexed) + " datasets", "<= 60 s",
                    String.format("%.1f s", reindexSeconds), reindexSeconds <= 60 ? "met" : "NOT MET"});

            HttpClient http = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()).build();
            String base = "http://127.0.0.1:" + port;
            run(http, base, 4, Duration.ofSeconds(3), OpenDataBenchmark::searchPath); // warm-up
            for (int clients : new int[]{4, 8}) {
                Latencies l = run(http, base, clients, Duration.ofSeconds(seconds), OpenDataBenchmark::searchPath);
                System.out.printf("  package_search (q + 3 facets), %d clients: %,.0f/s, p50 %.1f ms, p99 %.1f ms, max %.0f ms, errors %d%n",
                        clients, l.perSecond(), l.p(0.5), l.p(0.99), l.p(1.0), l.errors.get());
                table.add(new String[]{"package_search q + 3 facets, " + clients + " clients", "p99 <= 50 ms",
                        String.format("p99 %.1f ms (p50 %.1f, %,.0f/s)", l.p(0.99), l.p(0.5), l.perSecond()),
                        l.p(0.99) <= 50 && l.errors.get() == 0 ? "met" : "NOT MET"});
            }
            int pages = Math.max(1, datasets / 100);
            run(http, base, 2, Duration.ofSeconds(3), r -> "/catalog.ttl?page=" + (1 + r.nextInt(pages)));
            for (String ext : new String[]{"ttl", "rdf", "jsonld"}) {
                Latencies l = run(http, base, 1, Duration.ofSeconds(Math.max(5, seconds / 2)),
                        r -> "/catalog." + ext + "?page=" + (1 + r.nextInt(pages)));
                System.out.printf("  DCAT catalogue page of 100 datasets (.%s), 1 client: p50 %.1f ms, p99 %.1f ms, errors %d%n",
                        ext, l.p(0.5), l.p(0.99), l.errors.get());
                table.add(new String[]{"DCAT-AP catalogue page of 100 (." + ext + ")", "<= 100 ms",
                        String.format("p50 %.1f ms, p99 %.1f ms", l.p(0.5), l.p(0.99)),
                        l.p(0.99) <= 100 && l.errors.get() == 0 ? "met" : "NOT MET"});
            }
        } finally {
            deleteRecursively(data);
        }
        System.out.printf("%nOpen data benchmark summary (one run, %s, %d cores, load average at the end %s)%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.printf("%-52s | %-14s | %-40s | %s%n", "measure", "target", "measured", "verdict");
        for (String[] row : table) {
            System.out.printf("%-52s | %-14s | %-40s | %s%n", (Object[]) row);
        }
    }

    static String searchPath(ThreadLocalRandom r) {
        return "/api/3/action/package_search?q=" + URLEncoder.encode(QUERIES[r.nextInt(QUERIES.length)], StandardCharsets.UTF_8)
                + "&facet.field=" + URLEncoder.encode(FACETS, StandardCharsets.UTF_8) + "&rows=10";
    }

    /** Datasets spread over departments, themes, topics, districts, years and formats, written by SQL. */
    static void generate(JdbcClient jdbc, int count) {
        List<UUID> departments = jdbc.sql("SELECT id FROM identity_organisation WHERE kind = 'DEPARTMENT'").query(UUID.class).list();
        String[] themes = {"TRAN", "ENVI", "ECON", "SOCI", "EDUC", "HEAL", "REGI", "GOVE", "ENER", "JUST"};
        for (int from = 1; from <= count; from += 50_000) {
            int to = Math.min(count, from + 49_999);
            jdbc.sql("""
                    INSERT INTO opendata_dataset (id, name, title_zh, title_en, description_zh, description_en, theme, keywords,
                        licence, publisher_id, contact_name, contact_email, temporal_start, temporal_end, spatial, frequency,
                        open_level, catalogue_code, state, created_at, modified_at, published_at)
                    SELECT gen_random_uuid(), 'bench-' || g,
                        (ARRAY['临江区','望山区','新港区','青石县'])[1 + g % 4] || (?::text[])[1 + (g / 4) % 20] || (2000 + g % 26) || '年 第' || g || '号',
                        (ARRAY['Linjiang','Wangshan','Xingang','Qingshi'])[1 + g % 4] || ' ' || (?::text[])[1 + (g / 4) % 20] || ' ' || (2000 + g % 26) || ' no. ' || g,
                        '清河市' || (ARRAY['临江区','望山区','新港区','青石县'])[1 + g % 4] || (?::text[])[1 + (g / 4) % 20] || '数据，按月更新，包括统计口径说明和字段定义。',
                        'Qinghe ' || (?::text[])[1 + (g / 4) % 20] || ' data with definitions of every column, updated monthly.',
                        (?::text[])[1 + g % 10],
                        ARRAY[(?::text[])[1 + (g / 4) % 20], (ARRAY['临江区','望山区','新港区','青石县'])[1 + g % 4], 'y' || (2000 + g % 26)],
                        (ARRAY['CC_BY','CC_ZERO','CC_BY_SA','ODC_BY'])[1 + g % 4], (?::uuid[])[1 + g % ?],
                        '数据开放办公室', 'opendata@qinghe.example.gov.cn', date '2020-01-01', date '2025-12-31', 'QINGHE',
                        (ARRAY['DAILY','MONTHLY','QUARTERLY','ANNUAL'])[1 + g % 4],
                        CASE WHEN g % 10 < 7 THEN 'UNCONDITIONAL' WHEN g % 10 < 9 THEN 'CONDITIONAL' ELSE 'NOT_OPEN' END,
                        NULL, 'PUBLISHED', now() - make_interval(mins => g), now() - make_interval(mins => g), now() - make_interval(mins => g)
                    FROM generate_series(?, ?) g
                    """)
                    .params(TOPICS, TOPICS_EN, TOPICS, TOPICS_EN, themes, TOPICS, departments.toArray(UUID[]::new),
                            departments.size(), from, to)
                    .update();
        }
        jdbc.sql("""
                INSERT INTO opendata_resource (id, dataset_id, position, name, description, kind, format, url, created_at, modified_at)
                SELECT gen_random_uuid(), id, 0, '数据', '', 'LINK', (ARRAY['CSV','JSON','API','XLSX'])[1 + abs(hashtext(name)) % 4],
                    'https://data.qinghe.example.gov.cn/' || name, created_at, modified_at
                FROM opendata_dataset WHERE name LIKE 'bench-%'
                """).update();
        jdbc.sql("VACUUM ANALYZE opendata_dataset").update();
        jdbc.sql("VACUUM ANALYZE opendata_resource").update();
    }

    interface PathMaker {
        String next(ThreadLocalRandom random);
    }

    static final class Latencies {
        final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger errors = new AtomicInteger();
        double seconds;

        double p(double q) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1 < 0 ? 0 : Math.ceil(q * sorted.size()) - 1)) / 1e6;
        }

        double perSecond() {
            return nanos.size() / seconds;
        }
    }

    /** A closed loop: each client sends its next request when the last one is answered. */
    static Latencies run(HttpClient http, String base, int clients, Duration duration, PathMaker paths) throws Exception {
        Latencies l = new Latencies();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofVirtual().start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + paths.next(random))).GET().build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long t = System.nanoTime() - t0;
                        if (response.statusCode() == 200) {
                            l.nanos.add(t);
                        } else {
                            l.errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        l.errors.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        l.seconds = (System.nanoTime() - started) / 1e9;
        return l;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "unknown";
        }
    }

    static void deleteRecursively(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // a temporary folder left behind harms nobody
        }
    }
}
