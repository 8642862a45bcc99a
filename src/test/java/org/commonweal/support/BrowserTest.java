package org.commonweal.support;

import java.util.List;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test: the whole application, one headless Chromium for the test class, and axe scans
 * that collect every WCAG 2.2 AA violation of a page.
 */
@CommonwealIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    protected static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    @LocalServerPort
    protected int port;

    private Playwright playwright;
    protected Browser browser;

    @BeforeAll
    void startBrowser() {
        playwright = Playwright.create();
        browser = Browsers.launch(playwright);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
        playwright.close();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A fresh visitor who has chosen a language and elderly mode ("on" or "off"). */
    protected BrowserContext context(String language, String elderly) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(language));
        context.newPage().navigate(url("/?lang=" + language + "&elderly=" + elderly));
        return context;
    }

    /** A demo account signed in, with the demo password. */
    protected BrowserContext signedIn(String language, String elderly, String username) {
        return signedIn(language, elderly, username, CommonwealIntegrationTest.DEMO_PASSWORD);
    }

    protected BrowserContext signedIn(String language, String elderly, String username, String password) {
        BrowserContext context = context(language, elderly);
        Page page = context.newPage();
        page.navigate(url("/login"));
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("main button[type=submit]");
        page.waitForURL("**/account");
        return context;
    }

    /** Opens a page and adds its axe violations to the list. */
    protected void scan(Page page, String path, List<String> violations) {
        page.navigate(url(path));
        check(page, path, violations);
    }

    /** Adds the axe violations of the page as it is now (after a click, say) to the list. */
    protected static void check(Page page, String what, List<String> violations) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_22_AA).analyze();
        for (Rule rule : results.getViolations()) {
            rule.getNodes().forEach(node -> violations.add(what + ": " + rule.getId() + " – " + rule.getHelp()
                    + " at " + node.getTarget() + " " + node.getHtml()));
        }
    }
}
