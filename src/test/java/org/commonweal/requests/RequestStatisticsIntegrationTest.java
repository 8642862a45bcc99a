package org.commonweal.requests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.commonweal.requests.MonthlyRates.Ranked;
import org.commonweal.requests.RequestStatistics.Dimension;
import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The three rates, ranking, trend and hotspots on real PostgreSQL, and the public page over HTTP.
 * The requests are written for months of 2019, which no other test uses, and removed afterwards.
 */
@CommonwealIntegrationTest
class RequestStatisticsIntegrationTest {

    static final YearMonth JUNE = YearMonth.of(2019, 6);

    @Autowired
    RequestStatistics statistics;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    DataSource dataSource;

    @LocalServerPort
    int port;

    StatisticsRows rows;
    UUID urban;
    UUID environment;

    @BeforeEach
    void setUp() {
        clock.set(MutableClock.START);
        rows = new StatisticsRows(jdbc);
        urban = RequestFixtures.department(jdbc, "URBAN-MGMT");
        environment = RequestFixtures.department(jdbc, "ENVIRONMENT");
    }

    @AfterEach
    void removeRows() {
        rows.removeAll();
        clock.set(MutableClock.START);
    }

    /**
     * Urban management: 2 of 4 contacted on time (one never contacted), 3 rated: 1 solved, 2 satisfied;
     * and a duplicate merged into its first request. Environment: 3 contacted on time, none rated,
     * one of them just after midnight on 1 June in Beijing (still 31 May in UTC). A request just
     * after midnight on 1 July in Beijing (still 30 June in UTC) belongs to July.
     */
    private void juneOfTwoDepartments() {
        UUID first = rows.submitted("2019-06-03T10:00+08:00").department(urban).district("LINJIANG")
                .category("streetlight").contactedOnTime().rated(Rating.SATISFIED, true).store();
        rows.submitted("2019-06-04T10:00+08:00").department(urban).district("LINJIANG").category("streetlight")
                .contactedLate().rated(Rating.DISSATISFIED, false).store();
        rows.submitted("2019-06-05T10:00+08:00").department(urban).district("WANGSHAN").category("illegal-construction")
                .contactedOnTime().rated(Rating.BASICALLY_SATISFIED, false).store();
        rows.submitted("2019-06-06T10:00+08:00").department(urban).district("WANGSHAN").category("illegal-construction")
                .store();
        rows.submitted("2019-06-07T10:00+08:00").department(urban).district("LINJIANG").category("streetlight")
                .contactedLate().rated(Rating.DISSATISFIED, false).mergedInto(first).store();

        rows.submitted("2019-06-01T00:30+08:00").department(environment).district(null).category("noise")
                .contactedOnTime().store();
        rows.submitted("2019-06-10T10:00+08:00").department(environment).district(null).category("noise")
                .contactedOnTime().times(2);
        rows.submitted("2019-07-01T00:30+08:00").department(environment).district(null).category("noise")
                .contactedOnTime().rated(Rating.DISSATISFIED, false).store();
    }

    // the week of Monday 24 to Sunday 30 June 2019 (the last of the month), compared with 17 to 23 June
    private void twoWeeksOfRequests() {
        // noise in Linjiang: 4 → 6, exactly +50 %; the first and last minutes of the week count
        rows.submitted("2019-06-19T10:00+08:00").category("noise").district("LINJIANG").times(4);
        rows.submitted("2019-06-24T00:10+08:00").category("noise").district("LINJIANG").store();
        rows.submitted("2019-06-26T10:00+08:00").category("noise").district("LINJIANG").times(4);
        rows.submitted("2019-06-30T23:50+08:00").category("noise").district("LINJIANG").store();
        rows.submitted("2019-07-01T00:10+08:00").category("noise").district("LINJIANG").times(3); // next week
        // street lights in Wangshan: none → 5, new; a duplicate merged into one of them is not a sixth
        UUID streetlight = rows.submitted("2019-06-25T10:00+08:00").category("streetlight").district("WANGSHAN").store();
        rows.submitted("2019-06-25T11:00+08:00").category("streetlight").district("WANGSHAN").times(4);
        rows.submitted("2019-06-25T12:00+08:00").category("streetlight").district("WANGSHAN").mergedInto(streetlight).store();
        // water problems without a location: 2 → 7
        rows.submitted("2019-06-18T10:00+08:00").category("water-outage").district(null).times(2);
        rows.submitted("2019-06-27T10:00+08:00").category("water-outage").district(null).times(7);
        // no hotspots: road damage 4 → 5 is only +25 %; heating 0 → 4 is too few
        rows.submitted("2019-06-20T10:00+08:00").category("road-damage").district("LINJIANG").times(4);
        rows.submitted("2019-06-27T10:00+08:00").category("road-damage").district("LINJIANG").times(5);
        rows.submitted("2019-06-27T10:00+08:00").category("heating").district("LINJIANG").times(4);
    }

    @Nested
    class CountingTheThreeRates {

        @Test
        void countsTheRatesOfTheRequestsSubmittedInTheMonthPerDepartment() {
            juneOfTwoDepartments();

            assertThat(statistics.rates(JUNE, Dimension.DEPARTMENT))
                    .extracting(RateRow::key, RateRow::nameEn, row -> row.rates().received(),
                            row -> row.rates().responseRate(), row -> row.rates().resolutionRate(),
                            row -> row.rates().satisfactionRate(), row -> row.rates().rated())
                    .containsExactly(
                            tuple(urban.toString(), "Qinghe Urban Management Bureau", 5L, 0.5, 1.0 / 3, 2.0 / 3, 3L),
                            tuple(environment.toString(), "Qinghe Ecology and Environment Bureau", 3L, 1.0, null, null, 0L));
        }

        @Test
        void totalsTheWholeCity() {
            juneOfTwoDepartments();

            ThreeRates total = statistics.month(JUNE).total();

            assertThat(total.received()).isEqualTo(8);
            assertThat(total.responseRate()).isEqualTo(5.0 / 7);
            assertThat(total.resolutionRate()).isEqualTo(1.0 / 3);
            assertThat(total.satisfactionRate()).isEqualTo(2.0 / 3);
        }

        @Test
        void groupsTheSameMonthByDistrictAndByCategory() {
            juneOfTwoDepartments();
            MonthlyRates june = statistics.month(JUNE);

            assertThat(june.rows(Dimension.DISTRICT))
                    .extracting(RateRow::key, RateRow::nameZh, row -> row.rates().received())
                    .containsExactly(tuple("LINJIANG", "临江区", 3L), tuple(null, null, 3L), tuple("WANGSHAN", "望山区", 2L));
            assertThat(june.rows(Dimension.CATEGORY))
                    .extracting(RateRow::key, RateRow::nameZh, row -> row.rates().received())
                    .containsExactly(tuple("noise", "噪声扰民", 3L), tuple("streetlight", "路灯不亮", 3L),
                            tuple("illegal-construction", "违章建筑", 2L));
        }

        @Test
        void aRequestMergedIntoAnotherIsReceivedButInNoRate() {
            UUID first = rows.submitted("2019-06-03T10:00+08:00").department(urban)
                    .contactedOnTime().rated(Rating.SATISFIED, true).store();
            rows.submitted("2019-06-03T11:00+08:00").department(urban)
                    .contactedLate().rated(Rating.DISSATISFIED, false).mergedInto(first).store();

            ThreeRates urbanRates = statistics.rates(JUNE, Dimension.DEPARTMENT).getFirst().rates();

            assertThat(urbanRates.received()).isEqualTo(2);
            assertThat(urbanRates.responseRate()).isEqualTo(1.0);
            assertThat(urbanRates.satisfactionRate()).isEqualTo(1.0);
            assertThat(urbanRates.rated()).isEqualTo(1);
        }

        @Test
        void aRequestStillWithinItsResponseDeadlineWaitsOutsideTheResponseRate() {
            clock.set(OffsetDateTime.parse("2019-06-20T12:00+08:00").toInstant());
            rows.submitted("2019-06-20T09:00+08:00").department(urban).store(); // due at 13:00, not contacted yet
            rows.submitted("2019-06-20T09:30+08:00").department(urban).contactedOnTime().store();

            assertThat(statistics.month(JUNE).total().responseRate()).isEqualTo(1.0);

            clock.set(OffsetDateTime.parse("2019-06-20T13:00+08:00").toInstant());
            assertThat(statistics.month(JUNE).total().responseRate()).isEqualTo(0.5);
        }

        @Test
        void aMonthWithoutRequestsHasNoRatesRatherThanZero() {
            MonthlyRates empty = statistics.month(YearMonth.of(2019, 2));

            assertThat(empty.total().received()).isZero();
            assertThat(empty.total().responseRate()).isNull();
            assertThat(empty.total().resolutionRate()).isNull();
            assertThat(empty.total().satisfactionRate()).isNull();
            assertThat(empty.rows(Dimension.DEPARTMENT)).isEmpty();
        }
    }

    @Nested
    class Ranking {

        @Test
        void ranksByTheMeanOfTheThreeRatesThenByRequestsReceived() {
            UUID transport = RequestFixtures.department(jdbc, "TRANSPORT");
            UUID housing = RequestFixtures.department(jdbc, "HOUSING");
            UUID market = RequestFixtures.department(jdbc, "MARKET");
            // urban: all perfect, score 1. transport and housing: rates 1, 1/2, 1; transport received more.
            // environment: the same as housing, so the same place. market: nobody rated, so no place.
            rows.submitted("2019-06-03T10:00+08:00").department(urban).contactedOnTime().rated(Rating.SATISFIED, true).times(2);
            rows.submitted("2019-06-03T10:00+08:00").department(transport).contactedOnTime().rated(Rating.SATISFIED, true).times(2);
            rows.submitted("2019-06-03T10:00+08:00").department(transport).contactedOnTime().rated(Rating.SATISFIED, false).times(2);
            for (UUID department : List.of(housing, environment)) {
                rows.submitted("2019-06-03T10:00+08:00").department(department).contactedOnTime().rated(Rating.SATISFIED, true).store();
                rows.submitted("2019-06-03T10:00+08:00").department(department).contactedOnTime()
                        .rated(Rating.BASICALLY_SATISFIED, false).store();
            }
            rows.submitted("2019-06-03T10:00+08:00").department(market).contactedOnTime().times(5);
            rows.submitted("2019-06-03T10:00+08:00").department(null).store(); // not routed: no unit to rank

            List<Ranked> ranking = statistics.ranking(JUNE, Dimension.DEPARTMENT);

            assertThat(ranking).extracting(Ranked::rank).containsExactly(1, 2, 3, 3, null);
            assertThat(ranking).extracting(ranked -> ranked.row().key())
                    .startsWith(urban.toString(), transport.toString()).endsWith(market.toString())
                    .contains(environment.toString(), housing.toString());
            assertThat(ranking.get(1).row().rates().score()).isEqualTo(2.5 / 3);
        }

        @Test
        void ranksDistrictsTheSameWay() {
            rows.submitted("2019-06-03T10:00+08:00").district("WANGSHAN").contactedOnTime().rated(Rating.SATISFIED, true).store();
            rows.submitted("2019-06-03T10:00+08:00").district("LINJIANG").contactedLate().rated(Rating.SATISFIED, true).store();
            rows.submitted("2019-06-03T10:00+08:00").district(null).contactedOnTime().rated(Rating.SATISFIED, true).store();

            assertThat(statistics.ranking(JUNE, Dimension.DISTRICT))
                    .extracting(Ranked::rank, ranked -> ranked.row().key(), ranked -> ranked.row().rates().score())
                    .containsExactly(tuple(1, "WANGSHAN", 1.0), tuple(2, "LINJIANG", 2.0 / 3));
        }
    }

    @Nested
    class Trend {

        @Test
        void hasEveryMonthOldestFirstAndZeroForAMonthWithoutRequests() {
            rows.submitted("2019-04-10T10:00+08:00").contactedOnTime().rated(Rating.SATISFIED, true).store();
            rows.submitted("2019-04-30T23:50+08:00").contactedLate().rated(Rating.DISSATISFIED, false).store();
            rows.submitted("2019-05-01T00:10+08:00").contactedOnTime().store();
            rows.submitted("2019-06-10T10:00+08:00").contactedOnTime().times(3);

            List<TrendPoint> trend = statistics.monthlyTrend(JUNE, 4);

            assertThat(trend).extracting(TrendPoint::month, point -> point.rates().received(),
                            point -> point.rates().responseRate(), point -> point.rates().satisfactionRate())
                    .containsExactly(
                            tuple(YearMonth.of(2019, 3), 0L, null, null),
                            tuple(YearMonth.of(2019, 4), 2L, 0.5, 0.5),
                            tuple(YearMonth.of(2019, 5), 1L, 1.0, null),
                            tuple(YearMonth.of(2019, 6), 3L, 1.0, null));
        }

        @Test
        void endsWithTheCurrentMonthByDefault() {
            clock.set(OffsetDateTime.parse("2019-07-01T00:30+08:00").toInstant()); // still June in UTC

            assertThat(statistics.monthlyTrend(12)).extracting(TrendPoint::month)
                    .startsWith(YearMonth.of(2018, 8)).endsWith(YearMonth.of(2019, 7)).hasSize(12);
        }
    }

    @Nested
    class FindingHotspots {

        @Test
        void risesOfAtLeastFiveRequestsAndFiftyPercentBiggestRiseFirst() {
            twoWeeksOfRequests();

            Hotspots week = statistics.hotspots(LocalDate.of(2019, 6, 30));

            assertThat(week.monday()).isEqualTo(LocalDate.of(2019, 6, 24));
            assertThat(week.sunday()).isEqualTo(LocalDate.of(2019, 6, 30));
            assertThat(week.hotspots())
                    .extracting(Hotspot::categoryCode, Hotspot::districtCode, Hotspot::lastWeek, Hotspot::weekBefore,
                            Hotspot::risePercent)
                    .containsExactly(
                            tuple("water-outage", null, 7L, 2L, 250L),
                            tuple("streetlight", "WANGSHAN", 5L, 0L, null),
                            tuple("noise", "LINJIANG", 6L, 4L, 50L));
            assertThat(week.hotspots().get(1).categoryName(Locale.ENGLISH)).isEqualTo("Street light out");
            assertThat(week.hotspots().get(1).districtName(Locale.CHINA)).isEqualTo("望山区");
        }

        @Test
        void aDayInTheWeekAfterMeansTheWeekThatEndedBeforeIt() {
            twoWeeksOfRequests();

            assertThat(statistics.hotspots(LocalDate.of(2019, 7, 3)).monday()).isEqualTo(LocalDate.of(2019, 6, 24));
        }

        @Test
        void withoutADayTheLastCompleteWeekBeforeTodayInTheCity() {
            twoWeeksOfRequests();

            clock.set(OffsetDateTime.parse("2019-07-01T00:30+08:00").toInstant()); // Sunday in UTC, Monday here
            assertThat(statistics.hotspots().monday()).isEqualTo(LocalDate.of(2019, 6, 24));
            assertThat(statistics.hotspots().hotspots()).hasSize(3);

            clock.set(OffsetDateTime.parse("2019-06-30T22:00+08:00").toInstant()); // this Sunday is not over
            assertThat(statistics.hotspots().monday()).isEqualTo(LocalDate.of(2019, 6, 17));
        }
    }

    @Nested
    class PublicPage {

        private final HttpClient http = HttpClient.newHttpClient();

        private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** The page without the layout whitespace between tags, so that a table row reads as one string. */
        private String page(String pathAndQuery) throws IOException, InterruptedException {
            HttpResponse<String> response = get(pathAndQuery);
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body().replaceAll(">\\s+<", "><");
        }

        @Test
        void showsTheMonthsFiguresInTablesWithoutSigningIn() throws Exception {
            juneOfTwoDepartments();

            String english = page("/statistics/requests?month=2019-06&by=department&lang=en");

            assertThat(english).contains("Rates by department, June 2019",
                    "<th scope=\"row\">Qinghe Urban Management Bureau</th><td class=\"number\">5</td>"
                            + "<td class=\"number\">50.0%</td><td class=\"number\">33.3%</td>"
                            + "<td class=\"number\">66.7%</td><td class=\"number\">3</td>",
                    "<th scope=\"row\">Whole city</th><td class=\"number\">8</td><td class=\"number\">71.4%</td>",
                    "Qinghe Ecology and Environment Bureau", "—", "Response rate", "<dl");
            String chinese = page("/statistics/requests?month=2019-06&by=district&lang=zh-CN");
            assertThat(chinese).contains("2019年6月各区的三率", "临江区", "未定位到区", "响应率", "解决率", "满意率");
        }

        @Test
        void showsTheTrendAndTheHotspotsOfTheMonth() throws Exception {
            twoWeeksOfRequests();

            String page = page("/statistics/requests?month=2019-06&by=category&lang=en");

            assertThat(page).contains("City trend by month (July 2018 to June 2019)",
                    "in the week 24 June 2019 to 30 June 2019 compared with the week before (17 June 2019 to 23 June 2019)");
            assertThat(page).contains("<th scope=\"row\">No water or bad water</th>", "+5 (+250%)", "+5 (new)", "+2 (+50%)");
        }

        @Test
        void aNameInTheChartDataCannotEndTheScriptElement() throws Exception {
            rows.submitted("2019-06-03T10:00+08:00").category("</script><script>alert(1)</script>").store();

            String page = page("/statistics/requests?month=2019-06&by=category");

            assertThat(page).doesNotContain("<script>alert(1)")
                    .contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)")
                    .contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
        }

        @Test
        void givesBackItsDatabaseConnectionsAfterEveryView() throws Exception {
            int connections = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();

            for (int view = 0; view <= connections; view++) {
                assertThat(get("/statistics/requests?month=2019-06").statusCode()).as("view %d", view).isEqualTo(200);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"month=2026-13", "month=abc", "month=999999-01", "month=%2B999999999-12",
                "month=2019-6", "month=1999-12", "month=2026-04", "by=nobody", "by=DEPARTMENT",
                "month=2019-06&month=2019-07"})
        void refusesAMonthOrGroupingItCannotShowWithA400ThatSaysWhy(String query) throws Exception {
            HttpResponse<String> response = get("/statistics/requests?" + query + "&lang=en");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).containsAnyOf("This month cannot be shown", "This grouping does not exist")
                    .doesNotContain("Exception", "at org.", "at java.");
        }
    }
}
