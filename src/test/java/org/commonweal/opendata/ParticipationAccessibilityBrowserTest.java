package org.commonweal.opendata;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.commonweal.support.BrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every participation page (quality, applications and keys, requests and error reports, reuses,
 * the department's inboxes), in Chinese and English, standard and elderly mode, with its error
 * states, passes axe (WCAG 2.2 AA) with zero violations. Same style as the site's AccessibilityBrowserTest.
 */
class ParticipationAccessibilityBrowserTest extends BrowserTest {


    @Autowired
    JdbcClient jdbc;

    static Stream<Arguments> languagesAndModes() {
        return Stream.of(Arguments.of("zh-CN", "off"), Arguments.of("zh-CN", "on"),
                Arguments.of("en", "off"), Arguments.of("en", "on"));
    }

    @ParameterizedTest(name = "lang={0} elderly={1}")
    @MethodSource("languagesAndModes")
    void everyParticipationPagePassesAxe(String language, String elderly) throws InterruptedException {
        waitForTheDemo();
        List<String> violations = new ArrayList<>();
        try (BrowserContext visitor = context(language, elderly)) {
            Page page = visitor.newPage();
            scan(page, "/data/datasets/qinghe-bus-stops/quality", violations);
            scan(page, "/data/datasets/qinghe-realtime-bus-api/quality", violations);
            scan(page, "/data/requests", violations);
            scan(page, "/data/requests?kind=ERROR_REPORT&state=ANSWERED", violations);
            scan(page, "/data/reuses", violations);
        }
        String number;
        try (BrowserContext citizen = signedIn(language, elderly, "citizen.liu")) {
            Page page = citizen.newPage();
            scan(page, "/data/requests/new", violations);
            page.click("main form button[type=submit]");
            check(page, "/data/requests/new with errors", violations);
            page.fill("#title", "Accessibility " + language + elderly + System.nanoTime());
            page.fill("#body", "需要这些数据 / I need this data");
            page.click("main form button[type=submit]");
            page.waitForURL("**/data/requests/*?sent");
            check(page, "/data/requests/{number} just sent", violations);
            number = page.url().replaceAll(".*/data/requests/([RE]-[2-9A-Z]{6}).*", "$1");
            scan(page, "/data/reuses/new", violations);
            page.fill("#url", "javascript:alert(1)");
            page.click("main form button[type=submit]");
            check(page, "/data/reuses/new with errors", violations);
            scan(page, "/data/datasets/qinghe-street-lights/apply", violations);
            page.click("main form button[type=submit]");
            check(page, "/data/datasets/{name}/apply with errors", violations);
            scan(page, "/data/applications", violations);
        }
        try (BrowserContext enterprise = signedIn(language, elderly, "member.water")) {
            Page page = enterprise.newPage();
            scan(page, "/data/applications", violations);
            String approved = jdbc.sql("SELECT a.id::text FROM opendata_access_application a JOIN identity_account u"
                    + " ON u.id = a.applicant_id WHERE u.username = 'member.water' AND a.state = 'APPROVED'"
                    + " AND a.revoked_at IS NULL LIMIT 1").query(String.class).single();
            scan(page, "/data/applications/" + approved, violations);
            page.click("form[action$='/key'] button");
            check(page, "/data/applications/{id} with its new key", violations);
        }
        try (BrowserContext staff = signedIn(language, elderly, "staff.transport")) {
            Page page = staff.newPage();
            scan(page, "/department/opendata/applications", violations);
            scan(page, "/department/opendata/requests", violations);
            scan(page, "/department/opendata/requests/" + number, violations);
            page.click("main form button[type=submit]");
            check(page, "/department/opendata/requests/{number} with errors", violations);
            scan(page, "/department/opendata/reuses", violations);
            String pending = jdbc.sql("SELECT a.id::text FROM opendata_access_application a JOIN opendata_dataset d"
                    + " ON d.id = a.dataset_id WHERE d.name = 'qinghe-realtime-bus-api' ORDER BY a.state LIMIT 1")
                    .query(String.class).single();
            scan(page, "/department/opendata/applications/" + pending, violations);
        }
        assertThat(violations).as("axe WCAG 2.2 AA violations").isEmpty();
    }

    /** The demo's applications and reuses are added asynchronously after its datasets; wait for them (bounded). */
    private void waitForTheDemo() throws InterruptedException {
        for (int i = 0; i < 600 && jdbc.sql("SELECT count(*) FROM opendata_participation_demo").query(Integer.class).single() == 0; i++) {
            Thread.sleep(100);
        }
    }
}
