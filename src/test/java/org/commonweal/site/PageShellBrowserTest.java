package org.commonweal.site;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.commonweal.support.BrowserTest;
import org.commonweal.support.CommonwealIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A person signs in, switches language and elderly mode, in a real browser, with and without JavaScript. */
class PageShellBrowserTest extends BrowserTest {

    @Nested
    class WithJavaScript {

        @Test
        void signsInAndSwitchesLanguageAndMode() {
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
                walkThrough(context.newPage());
            }
        }

        @Test
        void textIsLargeEnoughAndElderlyModeIsClearlyLarger() {
            try (BrowserContext context = browser.newContext()) {
                Page page = context.newPage();
                page.navigate(url("/login"));
                double normalText = number(page, "parseFloat(getComputedStyle(document.body).fontSize)");
                double normalLine = number(page, "parseFloat(getComputedStyle(document.querySelector('main p')).lineHeight)"
                        + " / parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)");
                double normalButton = number(page, "document.querySelector('main button').getBoundingClientRect().height");
                assertThat(normalText).isGreaterThanOrEqualTo(18);
                assertThat(normalLine).isGreaterThanOrEqualTo(1.3);
                assertThat(normalButton).isGreaterThanOrEqualTo(44);

                page.navigate(url("/login?elderly=on"));
                assertThat(number(page, "parseFloat(getComputedStyle(document.body).fontSize)")).isGreaterThanOrEqualTo(normalText * 1.25);
                assertThat(number(page, "document.querySelector('main button').getBoundingClientRect().height")).isGreaterThanOrEqualTo(56);
            }
        }
    }

    @Nested
    class WithoutJavaScript {

        @Test
        void everythingStillWorks() {
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                    .setLocale("zh-CN").setJavaScriptEnabled(false))) {
                walkThrough(context.newPage());
            }
        }
    }

    private void walkThrough(Page page) {
        page.navigate(url("/"));
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("zh-CN");
        page.getByText("English").first().click();
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
        assertThat(page.locator("h1").textContent()).isEqualTo("Qinghe Public Services");

        page.getByText("Elderly mode").first().click();
        assertThat(page.locator("html").getAttribute("class")).isEqualTo("elderly");

        page.locator("nav.main-nav").getByText("Sign in").click();
        page.fill("#username", "citizen.zhao");
        page.fill("#password", CommonwealIntegrationTest.DEMO_PASSWORD);
        page.locator("main button[type=submit]").click();
        page.waitForURL("**/account");
        assertThat(page.locator("h1").textContent()).isEqualTo("My account");
        assertThat(page.locator("main").textContent()).contains("赵敏");
        assertThat(page.locator("html").getAttribute("class")).as("elderly mode is remembered").isEqualTo("elderly");

        page.getByText("中文").first().click();
        assertThat(page.locator("h1").textContent()).isEqualTo("我的账号");
        page.getByText("标准版").first().click();
        assertThat(page.locator("html").getAttribute("class")).isNull();

        page.locator("nav.main-nav button").click();
        page.waitForURL("**/?signedOut");
        assertThat(page.locator(".notice").textContent()).contains("您已安全退出");
    }

    private static double number(Page page, String expression) {
        return ((Number) page.evaluate(expression)).doubleValue();
    }

}
