package org.commonweal.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.commonweal.support.BrowserTest;
import org.commonweal.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics page in Chromium: it passes axe (WCAG 2.2 AA) in Chinese and English, standard and
 * elderly mode; with JavaScript the charts are drawn, without it the tables carry the same numbers.
 */
class RequestStatisticsBrowserTest extends BrowserTest {

    private static final String JUNE = "/statistics/requests?month=2019-06";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private StatisticsRows rows;

    /** Urban management: one of two on time, one satisfied; environment: nobody rated; five new street-light requests. */
    @BeforeAll
    void storeJune() {
        clock.set(MutableClock.START);
        rows = new StatisticsRows(jdbc);
        UUID urban = RequestFixtures.department(jdbc, "URBAN-MGMT");
        UUID environment = RequestFixtures.department(jdbc, "ENVIRONMENT");
        rows.submitted("2019-06-03T10:00+08:00").department(urban).contactedOnTime().rated(Rating.SATISFIED, true).store();
        rows.submitted("2019-06-04T10:00+08:00").department(urban).district("WANGSHAN").contactedLate()
                .rated(Rating.DISSATISFIED, false).store();
        rows.submitted("2019-06-05T10:00+08:00").department(environment).contactedOnTime().store();
        rows.submitted("2019-06-25T10:00+08:00").department(urban).category("streetlight").district("WANGSHAN")
                .contactedOnTime().times(5);
    }

    @AfterAll
    void removeJune() {
        rows.removeAll();
    }

    static Stream<Arguments> languagesAndModes() {
        return Stream.of(Arguments.of("zh-CN", "off"), Arguments.of("zh-CN", "on"),
                Arguments.of("en", "off"), Arguments.of("en", "on"));
    }

    @ParameterizedTest(name = "lang={0} elderly={1}")
    @MethodSource("languagesAndModes")
    void passesAxeInEveryLanguageAndMode(String language, String elderly) {
        List<String> violations = new ArrayList<>();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(language))) {
            Page page = context.newPage();
            page.navigate(url("/?lang=" + language + "&elderly=" + elderly));
            for (String by : List.of("department", "district", "category")) {
                page.navigate(url(JUNE + "&by=" + by));
                page.waitForSelector("[data-chart='trend-chart-data'] canvas");
                check(page, JUNE + "&by=" + by, violations);
            }
            page.navigate(url("/statistics/requests?month=2019-13"));
            check(page, "a month that does not exist", violations);
        }
        assertThat(violations).as("axe WCAG 2.2 AA violations").isEmpty();
    }

    @Test
    void drawsTheRatesAndTheTrendWithJavaScript() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            List<String> problems = new ArrayList<>();
            page.onPageError(problems::add);
            page.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")) {
                    problems.add(message.text());
                }
            });
            page.onResponse(response -> {
                if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) {
                    problems.add(response.status() + " " + response.url());
                }
            });

            page.navigate(url(JUNE + "&by=department&lang=en"));
            page.waitForSelector("[data-chart='rates-chart-data'] canvas");
            page.waitForSelector("[data-chart='trend-chart-data'] canvas");

            assertThat(page.locator("[data-chart]").count()).isEqualTo(2);
            assertThat(page.locator("[data-chart]").first().isVisible()).isTrue();
            assertThat(page.locator("[data-chart]").last().isVisible()).isTrue();
            assertThat(page.locator("#rates-table").textContent()).contains("50.0%");
            assertThat(problems).as("script errors, blocked or missing resources").isEmpty();
        }
    }

    @Test
    void withoutJavaScriptTheTablesCarryTheNumbers() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            page.navigate(url(JUNE + "&by=department&lang=en"));

            assertThat(page.locator("[data-chart]").first().isHidden()).as("no empty chart box").isTrue();
            assertThat(page.locator("canvas").count()).isZero();
            assertThat(page.locator("#rates-table").textContent())
                    .contains("Qinghe Urban Management Bureau", "50.0%", "Qinghe Ecology and Environment Bureau", "—");
            assertThat(page.locator("#trend-table").textContent()).contains("June 2019");
            assertThat(page.locator("#hotspots-table").textContent()).contains("Street light out", "Wangshan District");
        }
    }
}
