package org.commonweal.site;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.commonweal.identity.Accounts;
import org.commonweal.identity.OrganisationIdentifier;
import org.commonweal.identity.Organisations;
import org.commonweal.support.BrowserTest;
import org.commonweal.support.CommonwealIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page, in Chinese and English, in standard and elderly mode, passes axe (WCAG 2.2 AA)
 * with zero violations, including its error states.
 */
class AccessibilityBrowserTest extends BrowserTest {


    @Autowired
    Organisations organisations;

    @Autowired
    Accounts accounts;

    static Stream<Arguments> languagesAndModes() {
        return Stream.of(Arguments.of("zh-CN", "off"), Arguments.of("zh-CN", "on"),
                Arguments.of("en", "off"), Arguments.of("en", "on"));
    }

    @org.junit.jupiter.api.Test
    void theScannerReallyReportsViolations() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.setContent("<html><body><img src='x.png'><a href='/'></a></body></html>");
            List<String> violations = new ArrayList<>();
            check(page, "a deliberately broken page", violations);
            assertThat(violations).anySatisfy(v -> assertThat(v).contains("image-alt"));
        }
    }

    @ParameterizedTest(name = "lang={0} elderly={1}")
    @MethodSource("languagesAndModes")
    void everyPagePassesAxe(String language, String elderly) {
        UUID transport = organisations.find(OrganisationIdentifier.of("CW-DEMO", "GOV", "TRANSPORT")).orElseThrow().id();
        UUID someAccount = accounts.findByUsername("staff.housing").orElseThrow().id();
        List<String> violations = new ArrayList<>();

        try (BrowserContext visitor = context(language, elderly)) {
            Page page = visitor.newPage();
            scan(page, "/", violations);
            scan(page, "/register", violations);
            page.click("button[type=submit].button");
            check(page, "/register with errors", violations);
            scan(page, "/no/such/page", violations);
            scan(page, "/ledger", violations);
            scan(page, "/data/datasets", violations);
            scan(page, "/data/datasets?q=%E5%85%AC%E4%BA%A4&level=unconditional&sort=title", violations);
            scan(page, "/data/datasets?q=zzzz-nothing", violations);
            scan(page, "/data/datasets/qinghe-bus-stops", violations);
            scan(page, "/data/datasets/qinghe-air-quality-2025", violations); // preview with a chart
            scan(page, "/data/datasets/qinghe-realtime-bus-api", violations); // conditional
            scan(page, "/data/open-list", violations);
            scan(page, "/data/open-list?level=conditional", violations);
            scan(page, "/ledger/entries/0", violations);
            page.waitForSelector("#browser-verdict");
            check(page, "/ledger/entries/0 with the browser's verdict", violations);
            scan(page, "/login", violations);
            page.click("main button[type=submit]");
            check(page, "/login with errors", violations);
        }
        String requestNumber;
        try (BrowserContext visitor = context(language, elderly)) {
            requestNumber = scanReporting(visitor.newPage(), violations);
        }
        try (BrowserContext staff = signedIn(language, elderly, "staff.urban", CommonwealIntegrationTest.DEMO_PASSWORD)) {
            Page page = staff.newPage();
            scan(page, "/department/requests", violations);
            scan(page, "/department/requests?view=OVERDUE", violations);
            scan(page, "/department/requests/" + requestNumber, violations);
            page.click("form[action$='/resolve'] button");
            check(page, "/department/requests/{number} with errors", violations);
        }
        try (BrowserContext staff = signedIn(language, elderly, "staff.transport", CommonwealIntegrationTest.DEMO_PASSWORD)) {
            Page page = staff.newPage();
            scan(page, "/department/datasets", violations);
            scan(page, "/department/datasets/qinghe-bus-stops", violations);
            scan(page, "/department/datasets/new", violations);
            page.click("form[action='/department/datasets/new'] button[type=submit]");
            check(page, "/department/datasets/new with errors", violations);
        }
        try (BrowserContext citizen = signedIn(language, elderly, "citizen.liu", CommonwealIntegrationTest.DEMO_PASSWORD)) {
            Page page = citizen.newPage();
            scan(page, "/account", violations);
            page.click("form[action='/account/password'] button");
            check(page, "/account with errors", violations);
            scan(page, "/admin/accounts", violations); // the "not allowed" page
            scan(page, "/requests/new/social-insurance", violations);
            scan(page, "/requests/mine", violations);
        }
        try (BrowserContext departmentAdmin = signedIn(language, elderly, "admin.transport", CommonwealIntegrationTest.DEMO_PASSWORD)) {
            Page page = departmentAdmin.newPage();
            scan(page, "/departments/" + transport, violations);
            page.fill("#name", "Accessibility check " + language + elderly);
            page.click("form[action$='/tokens'] button");
            check(page, "/departments with a new token", violations);
            scan(page, "/department/exchange/services", violations);
            page.click("form[action='/department/exchange/services'] button[type=submit]");
            check(page, "/department/exchange/services with errors", violations);
        }
        try (BrowserContext admin = signedIn(language, elderly, CommonwealIntegrationTest.ADMIN, CommonwealIntegrationTest.ADMIN_PASSWORD)) {
            Page page = admin.newPage();
            scan(page, "/admin/accounts", violations);
            page.click("form[action='/admin/accounts'] button[type=submit]");
            check(page, "/admin/accounts with errors", violations);
            scan(page, "/admin/accounts/" + someAccount, violations);
            scan(page, "/admin/organisations", violations);
            scan(page, "/admin/organisations/" + transport, violations);
            scan(page, "/ledger", violations); // with the security events auditors see
            scan(page, "/admin/outbox", violations);
        }
        assertThat(violations).as("axe WCAG 2.2 AA violations").isEmpty();
    }

    /** Reports a request through every step of the form; returns its tracking number. */
    private String scanReporting(Page page, List<String> violations) {
        scan(page, "/requests", violations);
        scan(page, "/requests/new", violations);
        scan(page, "/requests/new?q=zzzz", violations);
        scan(page, "/requests/new/noise", violations);
        scan(page, "/requests/new/streetlight", violations);
        page.click("main form button[type=submit]");
        check(page, "/requests/new/streetlight with errors", violations);
        page.fill("#description", "路灯不亮 / The street light is out");
        page.fill("#address", "临江路 88 号");
        page.check("[id='attribute.lamp_state-off']");
        page.fill("#contactEmail", "liu@example.cn");
        page.click("main form button[type=submit]");
        page.waitForURL("**/requests/*-*?submitted*");
        check(page, "/requests/{number} receipt", violations);
        page.click("form[action$='/information'] button");
        check(page, "/requests/{number} with errors", violations);
        return page.url().replaceAll(".*/requests/([0-9A-Z]{5}-[0-9A-Z]{5}).*", "$1");
    }
}
