import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.commonweal.calendar.WorkingCalendar;
import org.commonweal.requests.Categories;
import org.commonweal.requests.Category;
import org.commonweal.requests.CategoryAttribute;
import org.commonweal.requests.RequestSettings;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Adds synthetic requests to {@code requests_request}, in SQL
 * ({@code INSERT ... SELECT ... FROM generate_series}, a million rows per transaction) with the
 * table's indexes and constraints dropped during the load and rebuilt after it.
 *
 * <p>The rows look like a city's year: the 16 categories weighted as the demo city weighs them,
 * each routed to its department (the supervisor's queue or a random department for "other"), a
 * place in one of the four districts for categories that need one, more volume recently than a year
 * ago, deadlines from the configured limits on the official calendar (averaged per category), about
 * 5 % open (recent ones within their time, a few overdue and escalated), the rest resolved or
 * closed with a first response (85 % on time), and a rating on about 70 % of the closed ones.
 * Ids, tracking numbers and tokens are derived from the row number, so they are unique. No history
 * rows or ledger entries are generated: nothing measured reads them.
 */
final class RequestsData {

    /** The demo city's weights (DemoRequests), so the mix is the one people see in the demo. */
    static final Map<String, Integer> WEIGHTS = Map.ofEntries(Map.entry("streetlight", 12),
            Map.entry("road-damage", 10), Map.entry("noise", 12), Map.entry("property-management", 10),
            Map.entry("water-outage", 6), Map.entry("heating", 5), Map.entry("food-safety", 5),
            Map.entry("unpaid-wages", 5), Map.entry("social-insurance", 6), Map.entry("elderly-care", 4),
            Map.entry("medical-service", 4), Map.entry("illegal-construction", 5), Map.entry("pollution", 4),
            Map.entry("bus-service", 5), Map.entry("gas-leak", 1), Map.entry("other", 4));

    static final int CHUNK = 1_000_000;
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final ConfigurableApplicationContext app;
    private final String url;
    private final String user;

    RequestsData(ConfigurableApplicationContext app) {
        this.app = app;
        HikariDataSource pool = app.getBean(HikariDataSource.class);
        this.url = pool.getJdbcUrl();
        this.user = pool.getUsername();
    }

    /** A connection of its own, outside the application's pool, for session settings that must not leak. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    /** Adds {@code rows} synthetic requests to the table; prints what each step took. */
    void add(long rows) throws SQLException {
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            long started = System.nanoTime();
            sql.execute("SET synchronous_commit = off");
            sql.execute("SET maintenance_work_mem = '1GB'");
            sql.execute("SET max_parallel_maintenance_workers = 2");
            prepareCategories(db);
            System.out.printf("%nGenerating %,d requests (table holds %,d)%n", rows, count(sql));
            Schema schema = Schema.drop(sql);
            long loadStart = System.nanoTime();
            try (PreparedStatement insert = db.prepareStatement(INSERT)) {
                db.setAutoCommit(false);
                Timestamp now = Timestamp.from(Instant.now());
                for (long done = 0; done < rows; done += CHUNK) {
                    long chunkStart = System.nanoTime();
                    long from = 1 + done;
                    long to = from + Math.min(CHUNK, rows - done) - 1;
                    insert.setLong(1, from);
                    insert.setLong(2, to);
                    insert.setTimestamp(3, now);
                    insert.setArray(4, weightedCategories(db));
                    insert.setArray(5, departments(db));
                    int inserted = insert.executeUpdate();
                    db.commit();
                    System.out.printf("    %,11d rows inserted (%,d/s)%n", done + inserted,
                            (long) (inserted / ((System.nanoTime() - chunkStart) / 1e9)));
                }
                db.setAutoCommit(true);
            }
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            long indexStart = System.nanoTime();
            schema.recreate(sql);
            double indexSeconds = (System.nanoTime() - indexStart) / 1e9;
            long vacuumStart = System.nanoTime();
            sql.execute("VACUUM (ANALYZE) requests_request");
            double vacuumSeconds = (System.nanoTime() - vacuumStart) / 1e9;
            System.out.printf("  generated %,d requests in %.0f s (insert %.0f s, indexes and constraints %.0f s,"
                            + " vacuum and analyze %.0f s); the table holds %,d rows, %s with its indexes%n",
                    rows, (System.nanoTime() - started) / 1e9, loadSeconds, indexSeconds, vacuumSeconds, count(sql),
                    tableSize(sql));
            sql.execute("DROP TABLE bench_category");
        }
    }

    private static long count(Statement sql) throws SQLException {
        try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM requests_request")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String tableSize(Statement sql) throws SQLException {
        try (ResultSet rs = sql.executeQuery("SELECT pg_size_pretty(pg_total_relation_size('requests_request'))")) {
            rs.next();
            return rs.getString(1);
        }
    }

    // ---- what the rows are made of -------------------------------------------------------------

    private void prepareCategories(Connection db) throws SQLException {
        Categories categories = app.getBean(Categories.class);
        RequestSettings settings = app.getBean(RequestSettings.class);
        WorkingCalendar calendar = app.getBean(WorkingCalendar.class);
        Map<String, UUID> departments = new LinkedHashMap<>();
        try (Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("SELECT member_code, id FROM identity_organisation WHERE kind = 'DEPARTMENT'")) {
            while (rs.next()) {
                departments.put(rs.getString(1), rs.getObject(2, UUID.class));
            }
        }
        try (Statement sql = db.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS bench_category");
            sql.execute("CREATE TEMP TABLE bench_category (k int PRIMARY KEY, code text NOT NULL, name_zh text NOT NULL,"
                    + " department_id uuid, location boolean NOT NULL, response interval NOT NULL,"
                    + " resolution interval NOT NULL, answers text[] NOT NULL)");
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO bench_category VALUES (?, ?, ?, ?, ?,"
                + " make_interval(secs => ?), make_interval(secs => ?), ?)")) {
            int k = 0;
            for (Category category : categories.all()) {
                insert.setInt(1, ++k);
                insert.setString(2, category.code());
                insert.setString(3, category.nameZh());
                insert.setObject(4, category.department() == null ? null : departments.get(category.department()));
                insert.setBoolean(5, category.location());
                insert.setDouble(6, meanSeconds(settings.response().of(category.timeLimit()), calendar));
                insert.setDouble(7, meanSeconds(settings.resolution().of(category.timeLimit()), calendar));
                insert.setArray(8, db.createArrayOf("text", answers(category).toArray()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A limit's mean length on the real calendar over starts spread across four weeks. */
    private static double meanSeconds(org.commonweal.requests.TimeLimit limit, WorkingCalendar calendar) {
        Instant base = Instant.now().minus(Duration.ofDays(60));
        long total = 0;
        int starts = 0;
        for (long hours = 0; hours < 24 * 28; hours += 5) {
            Instant start = base.plus(Duration.ofHours(hours));
            total += Duration.between(start, limit.deadline(start, calendar)).toSeconds();
            starts++;
        }
        return (double) total / starts;
    }

    /** A few valid sets of answers to the category's questions, as stored (code to list of values). */
    private static List<String> answers(Category category) {
        List<String> variants = new ArrayList<>();
        for (int variant = 0; variant < 3; variant++) {
            List<String> fields = new ArrayList<>();
            for (CategoryAttribute question : category.attributes()) {
                String value = switch (question.datatype()) {
                    case SINGLEVALUELIST, MULTIVALUELIST ->
                            question.values().get(variant % question.values().size()).key();
                    case NUMBER -> String.valueOf(1 + variant * 2);
                    case STRING -> question.required() ? "K" + (12 + variant * 7) : null;
                    default -> null;
                };
                if (value != null) {
                    fields.add("\"" + question.code() + "\": [\"" + value + "\"]");
                }
            }
            variants.add("{" + String.join(", ", fields) + "}");
        }
        return variants;
    }

    /** Category numbers (1-based, in the order of bench_category) repeated by weight, to pick one uniformly. */
    private Array weightedCategories(Connection db) throws SQLException {
        List<Integer> picks = new ArrayList<>();
        int k = 0;
        for (Category category : app.getBean(Categories.class).all()) {
            k++;
            for (int i = 0; i < WEIGHTS.getOrDefault(category.code(), 1); i++) {
                picks.add(k);
            }
        }
        return db.createArrayOf("int4", picks.toArray());
    }

    private static Array departments(Connection db) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("SELECT id FROM identity_organisation WHERE kind = 'DEPARTMENT' ORDER BY member_code")) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return db.createArrayOf("uuid", ids.toArray());
    }

    /** Ten Crockford base-32 characters of a 50-bit scramble of the row number: unique, and shaped like real ones. */
    private static String trackingNumber() {
        // an odd multiplier permutes the 50-bit numbers; n up to 2^28 keeps the product inside a bigint
        String v = "(((n * 25214903917) # 715827882717) & 1125899906842623)";
        StringBuilder sql = new StringBuilder();
        for (int i = 9; i >= 0; i--) {
            if (sql.length() > 0) {
                sql.append(" || ");
            }
            if (i == 4) {
                sql.append("'-' || ");
            }
            sql.append("substr('").append(CROCKFORD).append("', ((").append(v).append(" >> ").append(5 * i)
                    .append(") & 31)::int + 1, 1)");
        }
        return sql.toString();
    }

    /*
     * Level by level (each kept apart with OFFSET 0, so no expression is computed twice): random
     * draws per row, the category with its deadlines and place, whether the request is still open
     * and who has it, its first response and resolution, its rating, its status, and the row.
     * Parameters: first and last row number, now, weighted category numbers, department ids.
     */
    private static final String INSERT = """
            INSERT INTO requests_request (id, tracking_number, service_code, description, address, lat, lon, district_code,
                attributes, status, status_notes, department_id, transfer_count, contact_email, name_public, token, source,
                submitted_at, updated_at, response_due, resolution_due, first_response_at, paused_at, escalated_at,
                resolved_at, closed_at, rating, rated_solved, rated_at, support_count)
            SELECT md5(n || ':id')::uuid, %s, code,
                   name_zh || '：' || (ARRAY['已经好几天了，请尽快处理。', '影响附近居民的正常生活。', '多次反映仍未解决。',
                       '附近老人孩子较多，存在安全隐患。', '希望相关部门尽快核实处理。', '晚上特别明显。', '周末尤其严重。',
                       '请派人来现场看一下。'])[1 + (n %% 8)::int] || ' (#' || n || ')',
                   CASE WHEN location THEN '清河市' || CASE district WHEN 'LINJIANG' THEN '临江区' WHEN 'WANGSHAN' THEN '望山区'
                       WHEN 'XINGANG' THEN '新港区' ELSE '青石县' END
                       || (ARRAY['江滨路', '望山路', '新港大道', '青石街', '人民路', '解放路', '建设路', '文化路'])[1 + (n / 8 %% 8)::int]
                       || (1 + n %% 300) || '号' END,
                   lat, lon, district, answers[1 + (n %% cardinality(answers))::int]::jsonb,
                   status, CASE WHEN resolved_at IS NOT NULL THEN '已处理完毕，感谢您的反映。' END,
                   department_id, CASE WHEN n %% 12 = 0 AND first_response_at IS NOT NULL THEN 1 ELSE 0 END,
                   'citizen' || (n %% 100000) || '@example.cn', n %% 10 < 3, md5(n || ':token'),
                   CASE WHEN n %% 10 < 3 THEN 'open311' ELSE 'web' END,
                   submitted_at, coalesce(closed_at, resolved_at, first_response_at, submitted_at), response_due,
                   resolution_due, first_response_at,
                   CASE WHEN status = 'WAITING_FOR_CITIZEN' THEN first_response_at END,
                   CASE WHEN status IN ('SUBMITTED', 'IN_PROGRESS') AND resolution_due <= now THEN resolution_due END,
                   resolved_at, closed_at,
                   CASE WHEN rated THEN CASE WHEN u_verdict < 0.6 THEN 'SATISFIED' WHEN u_verdict < 0.85
                       THEN 'BASICALLY_SATISFIED' ELSE 'DISSATISFIED' END END,
                   CASE WHEN rated THEN u_solved < CASE WHEN u_verdict < 0.6 THEN 0.95 WHEN u_verdict < 0.85 THEN 0.8 ELSE 0.3 END END,
                   CASE WHEN rated THEN rated_at END,
                   CASE WHEN n %% 8 = 0 THEN 1 + (n / 8 %% 5)::int ELSE 0 END
            FROM (
                SELECT g.*,
                       CASE WHEN is_open THEN
                                CASE WHEN department_id IS NULL THEN 'UNROUTED'
                                     WHEN first_response_at IS NULL THEN 'SUBMITTED'
                                     WHEN u_waiting < 0.125 THEN 'WAITING_FOR_CITIZEN'
                                     ELSE 'IN_PROGRESS' END
                            WHEN rated THEN 'CLOSED'
                            WHEN resolved_at + interval '7 days' > now THEN 'RESOLVED'
                            ELSE 'CLOSED' END AS status,
                       CASE WHEN is_open THEN NULL WHEN rated THEN rated_at
                            WHEN resolved_at + interval '7 days' > now THEN NULL
                            ELSE resolved_at + interval '7 days' END AS closed_at
                FROM (
                    SELECT f.*, resolved_at + rating_delay AS rated_at,
                           NOT is_open AND u_rated < 0.72 AND resolved_at + rating_delay < now AS rated
                    FROM (
                        SELECT e.*,
                               CASE WHEN is_open AND (department_id IS NULL OR (response_due > now AND u_waiting > 0.3)) THEN NULL
                                    ELSE least(submitted_at + (response_due - submitted_at) * response_share,
                                               submitted_at + (now - submitted_at) * 0.3) END AS first_response_at,
                               CASE WHEN NOT is_open THEN least(now, greatest(
                                        submitted_at + least((resolution_due - submitted_at) * resolution_share,
                                                             (now - submitted_at) * 0.9),
                                        submitted_at + (now - submitted_at) * 0.31)) END AS resolved_at
                        FROM (
                            SELECT d.*, open_draw AS is_open,
                                   CASE WHEN category_department IS NOT NULL THEN category_department
                                        WHEN open_draw AND submitted_at > now - interval '10 days' THEN NULL
                                        ELSE departments[1 + (n %% cardinality(departments))::int] END AS department_id
                            FROM (
                                SELECT r.*, c.code, c.name_zh, c.location, c.answers, c.department_id AS category_department,
                                       submitted_at + c.response AS response_due, submitted_at + c.resolution AS resolution_due,
                                       CASE WHEN submitted_at + c.resolution > now THEN u_open < 0.45 ELSE u_open < 0.006 END
                                           AS open_draw,
                                       CASE WHEN c.location THEN round((30.005 + u_lat * 0.29)::numeric, 6)::float8 END AS lat,
                                       CASE WHEN c.location THEN round((120.005 + u_lon * 0.39)::numeric, 6)::float8 END AS lon,
                                       CASE WHEN NOT c.location THEN NULL
                                            WHEN u_lat >= 0.5 THEN CASE WHEN u_lon < 0.5 THEN 'LINJIANG' ELSE 'WANGSHAN' END
                                            ELSE CASE WHEN u_lon < 0.5 THEN 'XINGANG' ELSE 'QINGSHI' END END AS district
                                FROM (
                                    SELECT n, now, departments,
                                           now - make_interval(secs => 31536000 * power(random(), 1.6)) AS submitted_at,
                                           weights[1 + floor(random() * cardinality(weights))::int] AS k,
                                           random() AS u_open, random() AS u_waiting, random() AS u_rated,
                                           random() AS u_verdict, random() AS u_solved, random() AS u_lat, random() AS u_lon,
                                           CASE WHEN random() < 0.85 THEN random() ELSE 1 + random() END AS response_share,
                                           0.2 + random() * CASE WHEN random() < 0.9 THEN 0.8 ELSE 1.6 END AS resolution_share,
                                           make_interval(hours => 2 + (random() * 70)::int) AS rating_delay
                                    FROM generate_series(?::bigint, ?::bigint) n,
                                         (SELECT ?::timestamptz AS now, ?::int[] AS weights, ?::uuid[] AS departments) p
                                ) r JOIN bench_category c USING (k) OFFSET 0
                            ) d OFFSET 0
                        ) e OFFSET 0
                    ) f OFFSET 0
                ) g OFFSET 0
            ) h
            """.formatted(trackingNumber());

    // ---- indexes and constraints off during the load, then back exactly as they were ----------

    /** The table's keys, unique constraints, indexes and the foreign keys pointing at it, as their DDL. */
    record Schema(List<String> constraints, List<String> indexes, List<String> foreignKeys) {

        static Schema drop(Statement sql) throws SQLException {
            List<String> foreignKeys = new ArrayList<>();
            List<String> dropForeignKeys = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)"
                    + " FROM pg_constraint WHERE contype = 'f' AND confrelid = 'requests_request'::regclass")) {
                while (rs.next()) {
                    foreignKeys.add("ALTER TABLE " + rs.getString(1) + " ADD CONSTRAINT " + rs.getString(2) + " " + rs.getString(3));
                    dropForeignKeys.add("ALTER TABLE " + rs.getString(1) + " DROP CONSTRAINT " + rs.getString(2));
                }
            }
            List<String> constraints = new ArrayList<>();
            List<String> dropConstraints = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                    + " WHERE contype IN ('p', 'u') AND conrelid = 'requests_request'::regclass ORDER BY contype, conname")) {
                while (rs.next()) {
                    constraints.add("ALTER TABLE requests_request ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(2));
                    dropConstraints.add("ALTER TABLE requests_request DROP CONSTRAINT " + rs.getString(1));
                }
            }
            List<String> indexes = new ArrayList<>();
            List<String> dropIndexes = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)"
                    + " FROM pg_index i WHERE i.indrelid = 'requests_request'::regclass"
                    + " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)")) {
                while (rs.next()) {
                    indexes.add(rs.getString(2));
                    dropIndexes.add("DROP INDEX " + rs.getString(1));
                }
            }
            for (String ddl : dropForeignKeys) {
                sql.execute(ddl);
            }
            for (String ddl : dropConstraints) {
                sql.execute(ddl);
            }
            for (String ddl : dropIndexes) {
                sql.execute(ddl);
            }
            System.out.printf("  dropped %d constraints, %d indexes and %d foreign keys for the load%n",
                    constraints.size(), indexes.size(), foreignKeys.size());
            return new Schema(constraints, indexes, foreignKeys);
        }

        void recreate(Statement sql) throws SQLException {
            for (String ddl : constraints) {
                try {
                    timed(sql, ddl);
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    // a generated tracking number met a random one from the POST phase (about once in 200 runs)
                    int removed = sql.executeUpdate("DELETE FROM requests_request WHERE length(token) = 32 AND tracking_number IN"
                            + " (SELECT tracking_number FROM requests_request GROUP BY 1 HAVING count(*) > 1)");
                    System.out.printf("    removed %d generated rows whose tracking number was taken%n", removed);
                    timed(sql, ddl);
                }
            }
            for (String ddl : indexes) {
                timed(sql, ddl);
            }
            for (String ddl : foreignKeys) {
                timed(sql, ddl);
            }
        }

        private static void timed(Statement sql, String ddl) throws SQLException {
            long start = System.nanoTime();
            sql.execute(ddl);
            System.out.printf("    %5.1f s  %s%n", (System.nanoTime() - start) / 1e9, ddl.length() > 110 ? ddl.substring(0, 110) + "…" : ddl);
        }
    }
}
