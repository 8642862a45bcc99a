package org.commonweal.catalogue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.commonweal.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every catalogue page, in Chinese and English, in standard and elderly mode, passes axe
 * (WCAG 2.2 AA) with zero violations, error states and the import's status page included.
 */
class CatalogueAccessibilityBrowserTest extends BrowserTest {


    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void demoCatalogueLoaded() {
        CatalogueFixtures.awaitDemoCatalogue(jdbc);
    }

    static Stream<Arguments> languagesAndModes() {
        return Stream.of(Arguments.of("zh-CN", "off"), Arguments.of("zh-CN", "on"),
                Arguments.of("en", "off"), Arguments.of("en", "on"));
    }

    @ParameterizedTest(name = "lang={0} elderly={1}")
    @MethodSource("languagesAndModes")
    void everyCataloguePagePassesAxe(String language, String elderly) throws Exception {
        List<String> violations = new ArrayList<>();
        try (BrowserContext visitor = context(language, elderly)) {
            Page page = visitor.newPage();
            scan(page, "/catalogue", violations);
            scan(page, "/catalogue?q=%E7%A4%BE%E4%BF%9D", violations);
            scan(page, "/catalogue?q=zzzzzz", violations);
            scan(page, "/catalogue?provider=HEALTH&classification=3", violations);
            scan(page, "/catalogue/resources/QH-TRANSPORT-0001", violations);
            scan(page, "/catalogue/resources/QH-HRSS-0004", violations);
        }
        try (BrowserContext staff = signedIn(language, elderly, "staff.transport")) {
            Page page = staff.newPage();
            scan(page, "/catalogue/resources/QH-TRANSPORT-0004", violations);
            scan(page, "/department/catalogue", violations);
            scan(page, "/department/catalogue/new", violations);
            page.click("button[value=save]");
            check(page, "/department/catalogue/new with errors", violations);
            page.click("button[value=more]");
            check(page, "/department/catalogue/new with more rows", violations);
            page.fill("#nameZh", "无障碍检查");
            page.fill("#nameEn", "Accessibility check " + language + elderly);
            page.fill("#item-0-key", "check_id");
            page.fill("#item-0-nameZh", "编号");
            page.fill("#item-0-nameEn", "ID");
            page.click("button[value=save]");
            page.waitForURL("**/catalogue/resources/*?done=registered");
            check(page, "/catalogue/resources/{code} just registered", violations);
            String code = page.url().replaceAll(".*/resources/([A-Z0-9-]+).*", "$1");
            scan(page, "/department/catalogue/" + code + "/edit", violations);
            scan(page, "/department/catalogue/" + code + "/retire", violations);
            scan(page, "/department/catalogue/QH-HEALTH-0001/edit", violations); // the "not allowed" page
            scan(page, "/department/catalogue/import", violations);
            page.click("main form button[type=submit]");
            check(page, "/department/catalogue/import with errors", violations);
            Path file = Files.createTempFile("catalogue", ".csv");
            Files.writeString(file, "code,name_zh,name_en,items,sharing_type,grade\n,好,Good,k|名|N|string|no|no,UNCONDITIONAL,GENERAL\n"
                    + ",坏,Bad,k|名|N|string|no|no,NOT_SHARED,GENERAL\n", StandardCharsets.UTF_8);
            page.setInputFiles("#file", file);
            page.click("main form button[type=submit]");
            page.waitForURL("**/department/catalogue/imports/*");
            page.waitForSelector("#import-progress:not([hx-get])");
            check(page, "/department/catalogue/imports/{id}", violations);
            Files.delete(file);
        }
        assertThat(violations).as("axe WCAG 2.2 AA violations").isEmpty();
    }
}
