import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency of pages and API reads as one person sees them: a single client, one request after the
 * other, over real HTTP. When a measure misses its target, the SQL the application runs for it is
 * explained (with the custom and the generic plan, as a pooled prepared statement may get either).
 */
final class ReadLatencies {

    /** What to measure: probes taken in turn, and the target for p99. */
    record Measure(String label, List<Probe> probes, double targetMillis) {
    }

    /** One path, and the SQL the application runs for it (for EXPLAIN). */
    record Probe(String path, Explained sql) {
    }

    /** The statement the application runs for a measure, with its parameters. */
    record Explained(String sql, Object... parameters) {
        static final Explained NONE = new Explained("");
    }

    /**
     * The sorted latencies, the probe slowest on average (the one explained on a miss), and each
     * probe's mean in milliseconds, slowest first.
     */
    record Result(Measure measure, long[] nanos, long errors, long meanBytes, List<String> firstErrors, Probe slowest,
                  List<java.util.Map.Entry<String, Double>> meanByProbe) {
        double millis(double quantile) {
            return nanos[(int) Math.min(nanos.length - 1, Math.floor(quantile * nanos.length))] / 1e6;
        }

        double maxMillis() {
            return nanos[nanos.length - 1] / 1e6;
        }

        boolean met() {
            return errors == 0 && millis(0.99) <= measure.targetMillis();
        }
    }

    private final Browser browser;
    private final int warmUp;
    private final int count;

    ReadLatencies(Browser browser, int warmUp, int count) {
        this.browser = browser;
        this.warmUp = warmUp;
        this.count = count;
    }

    Result measure(Measure measure) {
        List<Probe> probes = measure.probes();
        for (int i = 0; i < warmUp; i++) {
            browser.get(probes.get(i % probes.size()).path());
        }
        long[] nanos = new long[count];
        long errors = 0;
        long bytes = 0;
        long[] probeNanos = new long[probes.size()];
        int[] probeCounts = new int[probes.size()];
        List<String> firstErrors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Probe probe = probes.get(i % probes.size());
            long start = System.nanoTime();
            HttpResponse<byte[]> response = browser.get(probe.path());
            nanos[i] = System.nanoTime() - start;
            bytes += response.body().length;
            probeNanos[i % probes.size()] += nanos[i];
            probeCounts[i % probes.size()]++;
            if (response.statusCode() != 200) {
                errors++;
                if (firstErrors.size() < 3) {
                    firstErrors.add(probe.path() + " -> " + response.statusCode() + " "
                            + new String(response.body(), 0, Math.min(300, response.body().length), StandardCharsets.UTF_8));
                }
            }
        }
        Arrays.sort(nanos);
        List<java.util.Map.Entry<String, Double>> means = new ArrayList<>();
        int slowest = 0;
        for (int p = 0; p < probes.size(); p++) {
            if (probeCounts[p] == 0) {
                continue;
            }
            means.add(java.util.Map.entry(probes.get(p).path(), probeNanos[p] / 1e6 / probeCounts[p]));
            if (probeNanos[p] / (double) probeCounts[p] > probeNanos[slowest] / (double) Math.max(1, probeCounts[slowest])) {
                slowest = p;
            }
        }
        means.sort(java.util.Map.Entry.<String, Double>comparingByValue().reversed());
        return new Result(measure, nanos, errors, bytes / count, firstErrors, probes.get(slowest), means);
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of the measure's SQL twice: with its parameters bound (the custom
     * plan a statement gets on its first executions), and as a prepared statement forced to its
     * generic plan, which the pooled connections may settle on after five executions of one SQL text.
     */
    static String explain(Connection db, Explained explained) throws SQLException {
        if (explained.sql().isEmpty()) {
            return "      (no single statement to explain)\n";
        }
        StringBuilder out = new StringBuilder("      -- custom plan (parameters bound)\n");
        try (PreparedStatement explain = db.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + explained.sql())) {
            for (int i = 0; i < explained.parameters().length; i++) {
                Object value = explained.parameters()[i];
                if (value instanceof String[] array) {
                    explain.setArray(i + 1, db.createArrayOf("text", array));
                } else {
                    explain.setObject(i + 1, value);
                }
            }
            lines(explain.executeQuery(), out);
        }
        out.append("      -- generic plan (PREPARE ... ; SET plan_cache_mode = force_generic_plan; EXPLAIN EXECUTE ...)\n");
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : explained.sql().toCharArray()) {
            numbered.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        List<String> types = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        for (Object value : explained.parameters()) {
            types.add(sqlType(value));
            literals.add(literal(value));
        }
        try (Statement sql = db.createStatement()) {
            sql.execute("PREPARE bench_explain (" + String.join(", ", types) + ") AS " + numbered);
            sql.execute("SET plan_cache_mode = force_generic_plan");
            try {
                lines(sql.executeQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_explain (" + String.join(", ", literals) + ")"), out);
            } finally {
                sql.execute("RESET plan_cache_mode");
                sql.execute("DEALLOCATE bench_explain");
            }
        }
        return out.toString();
    }

    private static void lines(ResultSet rs, StringBuilder out) throws SQLException {
        try (rs) {
            while (rs.next()) {
                out.append("      ").append(rs.getString(1)).append('\n');
            }
        }
    }

    private static String sqlType(Object value) {
        return switch (value) {
            case String[] array -> "text[]";
            case String text -> "text";
            case java.util.UUID id -> "uuid";
            case java.sql.Timestamp time -> "timestamptz";
            case Integer number -> "integer";
            case Long number -> "bigint";
            case Double number -> "double precision";
            default -> throw new IllegalArgumentException("No SQL type for " + value.getClass());
        };
    }

    private static String literal(Object value) {
        return switch (value) {
            case String[] array -> "ARRAY[" + String.join(", ", Arrays.stream(array).map(ReadLatencies::quoted).toList()) + "]";
            case java.sql.Timestamp time -> quoted(time.toInstant().toString());
            case Number number -> number.toString();
            default -> quoted(value.toString());
        };
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * How many times each table was read per request of a path (sequential and index scans), from
     * PostgreSQL's statistics: a count near the number of rows on a page means one query per row.
     * Backends publish their counts when idle for a while, hence the pauses.
     */
    static String tableReadsPerRequest(Connection db, Browser browser, String path, int times) throws SQLException {
        pause(11_000);
        java.util.Map<String, Long> before = tableReads(db);
        for (int i = 0; i < times; i++) {
            browser.get(path);
        }
        pause(11_000);
        java.util.Map<String, Long> after = tableReads(db);
        StringBuilder out = new StringBuilder("      table reads per request:");
        after.forEach((table, reads) -> {
            double perRequest = (reads - before.getOrDefault(table, 0L)) / (double) times;
            if (perRequest >= 0.5 && !table.startsWith("ledger_") && !table.equals("event_publication")) {
                out.append(String.format(" %s %.1f,", table, perRequest));
            }
        });
        return out.deleteCharAt(out.length() - 1).append('\n').toString();
    }

    private static java.util.Map<String, Long> tableReads(Connection db) throws SQLException {
        java.util.Map<String, Long> reads = new java.util.TreeMap<>();
        try (Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery("SELECT relname,"
                + " coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_user_tables")) {
            while (rs.next()) {
                reads.put(rs.getString(1), rs.getLong(2));
            }
        }
        return reads;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A browser without JavaScript: keeps its cookies, signs in with the CSRF token of the sign-in page. */
    static final class Browser {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base;

        Browser(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        HttpResponse<byte[]> get(String path) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,application/json")
                        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("GET " + path + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        Browser signIn(String username, String password) {
            String page = new String(get("/login").body(), StandardCharsets.UTF_8);
            Matcher csrf = CSRF.matcher(page);
            if (!csrf.find()) {
                throw new IllegalStateException("The sign-in page has no CSRF token");
            }
            String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 302) {
                    throw new IllegalStateException("Could not sign in as " + username + ": " + response.statusCode());
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return this;
        }

        static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
