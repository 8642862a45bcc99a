package org.commonweal.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.commonweal.identity.Districts;
import org.commonweal.identity.Organisations;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Public performance figures of the 12345 channel: the three rates (三率) per department, district
 * and category, the ranking, the city-wide monthly trend, and the weekly hotspots.
 *
 * <p>Every figure is one grouped SQL aggregate over a range of {@code submitted_at}: PostgreSQL finds
 * a month or a fortnight through the index {@code requests_by_submitted}, counts in one pass and
 * hands back one row per group, so nothing is done per request in Java and a month's report costs
 * what that month holds, not what the whole table holds (0.35 to 0.5 s for a month of 410,000
 * requests in a table of 10 million, on two cores). A trend of many months reads that many months.
 */
@Service
public class RequestStatistics {

    /** What a month's requests are grouped by. */
    public enum Dimension { DEPARTMENT, DISTRICT, CATEGORY }

    /** Months and weeks begin at midnight in the city, not in UTC. */
    public static final ZoneId CITY_TIME = ZoneId.of("Asia/Shanghai");

    private static final int MAX_TREND_MONTHS = 36;

    // The definitions of ThreeRates, in SQL. Merged duplicates count as received, in no rate.
    private static final String COUNTS = """
            count(*) AS received,
            count(*) FILTER (WHERE merged_into IS NULL
                             AND (first_response_at IS NOT NULL OR response_due <= :now)) AS response_judged,
            count(*) FILTER (WHERE merged_into IS NULL AND first_response_at <= response_due) AS responded_on_time,
            count(*) FILTER (WHERE merged_into IS NULL AND rating IS NOT NULL) AS rated,
            count(*) FILTER (WHERE merged_into IS NULL AND rating IS NOT NULL AND rated_solved) AS solved,
            count(*) FILTER (WHERE merged_into IS NULL
                             AND rating IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied
            """;

    // One pass over the month for every dimension and the total: GROUPING() tells the sets apart
    // (department, district, category are bits 4, 2, 1; a set's own column is 0, the others 1).
    private static final String MONTH = "SELECT GROUPING(department_id, district_code, service_code) AS grouping_set,"
            + " department_id::text AS department, district_code, service_code, " + COUNTS
            + " FROM requests_request WHERE submitted_at >= :from AND submitted_at < :to"
            + " GROUP BY GROUPING SETS ((department_id), (district_code), (service_code), ())";

    // Months are told apart by where each request falls among the months' first instants (a binary
    // search per row): converting every timestamp to city time instead made this query up to 75 % slower.
    // The sub-select reads the instants once; a bare CAST of the parameter was redone for every row (6 times slower).
    private static final String TREND = "SELECT width_bucket(submitted_at, (SELECT CAST(:starts AS timestamptz[])))"
            + " AS bucket, " + COUNTS + " FROM requests_request WHERE submitted_at >= :from AND submitted_at < :to"
            + " GROUP BY 1";

    // Duplicates merged into another request are one problem, not a rise.
    private static final String HOTSPOTS = """
            SELECT * FROM (
                SELECT service_code, district_code,
                       count(*) FILTER (WHERE submitted_at >= :monday) AS last_week,
                       count(*) FILTER (WHERE submitted_at < :monday) AS week_before
                FROM requests_request
                WHERE submitted_at >= :previousMonday AND submitted_at < :nextMonday AND merged_into IS NULL
                GROUP BY service_code, district_code) weeks
            WHERE last_week >= :minimumCount AND last_week > week_before
              AND last_week * 100 >= week_before * (100 + :minimumRisePercent)
            ORDER BY last_week - week_before DESC, last_week DESC, service_code, district_code NULLS LAST
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Categories categories;
    private final Districts districts;
    private final Organisations organisations;
    private final HotspotSettings hotspotSettings;
    private final TransactionTemplate readOnlyTransactions;

    RequestStatistics(JdbcClient jdbc, Clock clock, Categories categories, Districts districts,
                      Organisations organisations, HotspotSettings hotspotSettings,
                      PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.categories = categories;
        this.districts = districts;
        this.organisations = organisations;
        this.hotspotSettings = hotspotSettings;
        this.readOnlyTransactions = new TransactionTemplate(transactionManager);
        this.readOnlyTransactions.setReadOnly(true);
    }

    /** The month in the city now. */
    public YearMonth currentMonth() {
        return YearMonth.from(today());
    }

    /** The three rates of the requests submitted in the month, per dimension and in total. */
    public MonthlyRates month(YearMonth month) {
        Map<Dimension, List<RateRow>> rows = new EnumMap<>(Dimension.class);
        ThreeRates total = ThreeRates.NONE;
        StatisticsLabels labels = new StatisticsLabels(categories, districts, organisations);
        List<Group> groups = withoutJit(() -> jdbc.sql(MONTH).param("now", now()).param("from", start(month))
                .param("to", start(month.plusMonths(1))).query(RequestStatistics::group).list());
        for (Group group : groups) {
            if (group.dimension() == null) {
                total = group.rates();
            } else {
                rows.computeIfAbsent(group.dimension(), d -> new ArrayList<>())
                        .add(labels.row(group.dimension(), group.key(), group.rates()));
            }
        }
        rows.values().forEach(list -> list.sort(Comparator.comparing((RateRow row) -> row.rates().received())
                .reversed().thenComparing(RateRow::key, Comparator.nullsLast(Comparator.naturalOrder()))));
        return new MonthlyRates(month, total, rows);
    }

    /** The rows of one dimension; {@link #month} gives all of them from the same single query. */
    public List<RateRow> rates(YearMonth month, Dimension dimension) {
        return month(month).rows(dimension);
    }

    public List<MonthlyRates.Ranked> ranking(YearMonth month, Dimension dimension) {
        return month(month).ranking(dimension);
    }

    /** The city's last months up to this one, oldest first; months without requests have zeros. */
    public List<TrendPoint> monthlyTrend(int months) {
        return monthlyTrend(currentMonth(), months);
    }

    /** The city's months up to and including the last one, oldest first. */
    public List<TrendPoint> monthlyTrend(YearMonth last, int months) {
        if (months < 1 || months > MAX_TREND_MONTHS) {
            throw new IllegalArgumentException("A trend covers 1 to " + MAX_TREND_MONTHS + " months, not " + months);
        }
        YearMonth first = last.minusMonths(months - 1L);
        String[] starts = IntStream.range(0, months)
                .mapToObj(i -> start(first.plusMonths(i)).toInstant().toString()).toArray(String[]::new);
        // bucket i + 1 holds the requests of the month i after the first
        Map<Integer, ThreeRates> byBucket = jdbc.sql(TREND).param("starts", starts)
                .param("now", now()).param("from", start(first)).param("to", start(last.plusMonths(1)))
                .query((rs, n) -> Map.entry(rs.getInt("bucket"), rates(rs))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<TrendPoint> trend = new ArrayList<>(months);
        for (int i = 0; i < months; i++) {
            trend.add(new TrendPoint(first.plusMonths(i), byBucket.getOrDefault(i + 1, ThreeRates.NONE)));
        }
        return trend;
    }

    /** The hotspots of the last complete week: the one that ended on the Sunday before today. */
    public Hotspots hotspots() {
        return hotspots(today().minusDays(1));
    }

    /** The hotspots of the complete week (Monday to Sunday) that ends on or before the day. */
    public Hotspots hotspots(LocalDate weekEnding) {
        LocalDate sunday = weekEnding.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        LocalDate monday = sunday.minusDays(6);
        List<WeekPair> found = withoutJit(() -> jdbc.sql(HOTSPOTS)
                .param("previousMonday", start(monday.minusWeeks(1))).param("monday", start(monday))
                .param("nextMonday", start(monday.plusWeeks(1)))
                .param("minimumCount", hotspotSettings.minimumCount())
                .param("minimumRisePercent", hotspotSettings.minimumRisePercent())
                .query((rs, n) -> new WeekPair(rs.getString("service_code"), rs.getString("district_code"),
                        rs.getLong("last_week"), rs.getLong("week_before")))
                .list());
        // named only once the query's connection is back in the pool: naming needs a connection of its own
        StatisticsLabels labels = new StatisticsLabels(categories, districts, organisations);
        return new Hotspots(monday, sunday, hotspotSettings.minimumCount(), hotspotSettings.minimumRisePercent(),
                found.stream().map(pair -> labels.hotspot(pair.category(), pair.district(), pair.lastWeek(),
                        pair.weekBefore())).toList());
    }

    /**
     * Runs an aggregate of a month or less in a read-only transaction with PostgreSQL's JIT compiler
     * off: on 10 million requests, compiling a month's aggregate took 0.25 to 3 s (more the busier the
     * machine), running it 0.35 s. Over the trend's millions of rows compiling pays off, so the trend
     * keeps the server's setting.
     */
    private <T> T withoutJit(Supplier<T> query) {
        return Objects.requireNonNull(readOnlyTransactions.execute(status -> {
            jdbc.sql("SET LOCAL jit = off").update();
            return query.get();
        }));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CITY_TIME);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Timestamp start(YearMonth month) {
        return start(month.atDay(1));
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(CITY_TIME).toInstant());
    }

    /** One row of the hotspot query. */
    private record WeekPair(String category, @Nullable String district, long lastWeek, long weekBefore) {
    }

    /** One row of the month query; the dimension is null for the total. */
    private record Group(@Nullable Dimension dimension, @Nullable String key, ThreeRates rates) {
    }

    private static Group group(ResultSet rs, int n) throws SQLException {
        return switch (rs.getInt("grouping_set")) {
            case 0b011 -> new Group(Dimension.DEPARTMENT, rs.getString("department"), rates(rs));
            case 0b101 -> new Group(Dimension.DISTRICT, rs.getString("district_code"), rates(rs));
            case 0b110 -> new Group(Dimension.CATEGORY, rs.getString("service_code"), rates(rs));
            default -> new Group(null, null, rates(rs));
        };
    }

    private static ThreeRates rates(ResultSet rs) throws SQLException {
        return new ThreeRates(rs.getLong("received"), rs.getLong("response_judged"), rs.getLong("responded_on_time"),
                rs.getLong("rated"), rs.getLong("solved"), rs.getLong("satisfied"));
    }
}
