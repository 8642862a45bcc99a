package org.commonweal.ledger;

import java.time.Duration;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.commonweal.ledger.internal.LedgerStore;
import org.commonweal.support.BrowserTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** An entry's page proves its inclusion in the reader's browser, and says so without JavaScript too. */
class LedgerEntryBrowserTest extends BrowserTest {

    @Autowired
    LedgerStore store;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void waitForTheLedger() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> store.pendingCount() == 0);
    }

    @Test
    void theBrowserVerifiesTheInclusionProofItself() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en"))) {
            Page page = context.newPage();
            page.navigate(url("/ledger/entries/5?lang=en"));
            assertThat(page.locator("#browser-verdict").textContent()).startsWith("Also verified independently by your browser");
        }
    }

    @Test
    void withoutJavaScriptTheServersVerdictIsShown() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en").setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            page.navigate(url("/ledger/entries/5?lang=en"));
            assertThat(page.locator("#verdict").textContent()).contains("Verified by the server");
            assertThat(page.locator("#browser-verdict").count()).isZero();
        }
    }

    @Test
    void theBrowserCatchesAnEntryThatWasChangedAfterSigning() {
        byte[] original = StoredEvidence.tamper(jdbc, 6, entry -> entry.replace("identity", "forged"));
        try {
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en"))) {
                Page page = context.newPage();
                page.navigate(url("/ledger/entries/6?lang=en"));
                assertThat(page.locator("#verdict").textContent()).contains("could not verify");
                assertThat(page.locator("#browser-verdict").textContent()).contains("could NOT verify");
            }
        } finally {
            StoredEvidence.restore(jdbc, 6, original);
        }
    }

}
