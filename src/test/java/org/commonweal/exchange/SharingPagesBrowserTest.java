package org.commonweal.exchange;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.commonweal.identity.Accounts;
import org.commonweal.identity.ApiTokens;
import org.commonweal.identity.OrganisationIdentifier;
import org.commonweal.identity.Organisations;
import org.commonweal.support.BrowserTest;
import org.commonweal.support.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data sharing pages and "who used my data", in Chinese and English, standard and elderly mode,
 * pass axe (WCAG 2.2 AA) with zero violations, error states included (the same check as
 * {@code AccessibilityBrowserTest}, kept here with the pages' own walk through them).
 */
class SharingPagesBrowserTest extends BrowserTest {

    private static final String DEMO_SERVICE = "CW-DEMO/GOV/TRANSPORT/vehicles/vehicle-registrations";

    @Autowired
    Agreements agreements;

    @Autowired
    CallRecords calls;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Organisations organisations;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    ExchangeServices services;

    /** A service of this test's own, so the agreements it makes touch no other test's. */
    private String ownService;

    static Stream<Arguments> languagesAndModes() {
        return Stream.of(Arguments.of("zh-CN", "off"), Arguments.of("zh-CN", "on"),
                Arguments.of("en", "off"), Arguments.of("en", "on"));
    }

    /** A real call through the gateway naming citizen.liu, so the statistics and her page have rows. */
    @BeforeAll
    void oneCallNamingCitizenLiu() throws Exception {
        clock.set(MutableClock.START);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !agreements.between("DATA", DEMO_SERVICE).isEmpty()
                && jdbc.sql("SELECT count(*) FROM privacy_subject").query(Integer.class).single() >= 2);
        UUID data = organisations.find(OrganisationIdentifier.of("CW-DEMO", "GOV", "DATA")).orElseThrow().id();
        String token = tokens.issue(data, "browser test", accounts.findByUsername("admin.data").orElseThrow().id()).secret();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/r1/" + DEMO_SERVICE + "/"
                            + URLEncoder.encode("清A12345", StandardCharsets.UTF_8))))
                    .header("Authorization", "Bearer " + token).header("X-Road-Client", "CW-DEMO/GOV/DATA/service-hall")
                    .header("X-Road-UserId", "110105198503142035").header("X-Road-Issue", "QH-FW-2026-00042").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
        calls.flushNow();
        ownService = ExchangeFixtures.newVehicleServiceId();
        services.register(ExchangeFixtures.vehicleService(ownService, "http://127.0.0.1:9/vehicles"),
                ExchangeFixtures.staffOf(organisations, "TRANSPORT"));
    }

    @ParameterizedTest(name = "lang={0} elderly={1}")
    @MethodSource("languagesAndModes")
    void everySharingPagePassesAxe(String language, String elderly) {
        clock.set(SharingApplicationsIntegrationTest.BEFORE_QINGMING);
        List<String> violations = new ArrayList<>();
        String application;
        try (BrowserContext housing = signedIn(language, elderly, "staff.housing")) {
            Page page = housing.newPage();
            scan(page, "/sharing/apply", violations);
            scan(page, "/sharing/apply?q=zzzz", violations);
            scan(page, "/catalogue/resources/QH-TRANSPORT-0001", violations);
            scan(page, "/sharing/apply/QH-TRANSPORT-0001", violations);
            page.click("main form button[type=submit]");
            check(page, "/sharing/apply/{code} with errors", violations);
            page.check("#item-0");
            page.check("#item-2");
            page.fill("#purpose", "核查申请人车辆 / checking applicants' vehicles");
            page.fill("#legalBasis", "《公共租赁住房管理办法》第七条");
            page.fill("#validUntil", "2026-12-31");
            page.click("main form button[type=submit]");
            page.waitForURL("**/sharing/applications/*");
            check(page, "/sharing/applications/{id} as the applicant", violations);
            application = page.url().replaceAll(".*/sharing/applications/([0-9a-f-]{36}).*", "$1");
            scan(page, "/sharing/applications", violations);
            scan(page, "/sharing/refusals", violations);
            scan(page, "/sharing/agreements", violations);
            scan(page, "/sharing/statistics", violations);
            scan(page, "/sharing/statistics?from=2026-01-01&to=2026-12-31", violations);
        }
        try (BrowserContext transport = signedIn(language, elderly, "staff.transport")) {
            Page page = transport.newPage();
            scan(page, "/sharing/inbox", violations);
            scan(page, "/sharing/inbox?view=DECIDED", violations);
            scan(page, "/sharing/applications/" + application, violations);
            page.click("form[action$='/decision'] button[type=submit]");
            check(page, "/sharing/applications/{id} decision with errors", violations);
            page.check("#outcome-NARROW");
            page.selectOption("#serviceId", ownService);
            page.uncheck("#approvedItem-1");
            page.click("form[action$='/decision'] button[type=submit]");
            page.waitForURL("**/sharing/applications/*?saved");
            check(page, "/sharing/applications/{id} decided", violations);
            page.click("a[href^='/sharing/agreements/']");
            check(page, "/sharing/agreements/{id}", violations);
            page.click("form[action$='/suspend'] button[value=suspend]");
            check(page, "/sharing/agreements/{id} with errors", violations);
        }
        try (BrowserContext authority = signedIn(language, elderly, "authority.data")) {
            Page page = authority.newPage();
            scan(page, "/sharing/overdue", violations);
            scan(page, "/sharing/agreements", violations);
            scan(page, "/sharing/statistics", violations);
        }
        try (BrowserContext liu = signedIn(language, elderly, "citizen.liu")) {
            Page page = liu.newPage();
            scan(page, "/privacy/my-data", violations);
            assertThat(page.content()).contains("QH-FW-2026-00042");
            scan(page, "/sharing/inbox", violations); // the "not allowed" page
        }
        try (BrowserContext zhao = signedIn(language, elderly, "citizen.zhao")) {
            Page page = zhao.newPage();
            scan(page, "/privacy/my-data", violations);
            page.click("form[action$='/remove'] button");
            page.waitForURL("**/privacy/my-data?saved");
            check(page, "/privacy/my-data unlinked", violations);
            page.fill("#idNumber", "110108199207071521");
            page.click("form[action$='/id-number'] button");
            check(page, "/privacy/my-data with errors", violations);
            page.fill("#idNumber", "110108199207071520");
            page.click("form[action$='/id-number'] button");
            page.waitForURL("**/privacy/my-data?saved");
        }
        assertThat(violations).as("axe WCAG 2.2 AA violations").isEmpty();
    }
}
