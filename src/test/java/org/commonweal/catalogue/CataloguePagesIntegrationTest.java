package org.commonweal.catalogue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonweal.support.CommonwealIntegrationTest.ADMIN;
import static org.commonweal.support.CommonwealIntegrationTest.ADMIN_PASSWORD;
import static org.commonweal.support.CommonwealIntegrationTest.DEMO_PASSWORD;

/** The catalogue's pages over real HTTP, as a browser without JavaScript uses them. */
@CommonwealIntegrationTest
class CataloguePagesIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalogue catalogue;

    @Autowired
    org.commonweal.identity.Organisations organisations;

    @BeforeEach
    void demoCatalogueLoaded() {
        CatalogueFixtures.awaitDemoCatalogue(jdbc);
    }

    private WebSession anyone() {
        return new WebSession(port);
    }

    private WebSession staff(String username) {
        return WebSession.signedIn(port, username, DEMO_PASSWORD);
    }

    private static String search(String words) {
        return "/catalogue?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    /** A complete register form for TRANSPORT; tests change what they need. */
    static Map<String, String> form(String nameZh, String nameEn) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", "");
        form.put("provider", "TRANSPORT");
        form.put("version", "0");
        form.put("classification", "3-01-04-001");
        form.put("nameZh", nameZh);
        form.put("nameEn", nameEn);
        form.put("summary", "出租车实时位置 / live taxi positions");
        form.put("format", "INTERFACE");
        form.put("sharingType", "UNCONDITIONAL");
        form.put("sharingConditions", "");
        form.put("sharingMethod", "INTERFACE");
        form.put("legalBasis", "");
        form.put("grade", "GENERAL");
        form.put("openType", "OPEN");
        form.put("openConditions", "");
        form.put("updateCycle", "REAL_TIME");
        form.put("publishedOn", "2026-02-01");
        return form;
    }

    /** The form's body with item rows as the page sends them: parallel lists, checkboxes by row number. */
    static String withItems(Map<String, String> fields, String csrf, List<String[]> items) {
        List<String> parts = new ArrayList<>();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("_csrf", csrf);
        all.forEach((k, v) -> parts.add(enc(k) + "=" + enc(v)));
        for (int i = 0; i < items.size(); i++) {
            String[] item = items.get(i);
            parts.add("itemKey=" + enc(item[0]));
            parts.add("itemNameZh=" + enc(item[1]));
            parts.add("itemNameEn=" + enc(item[2]));
            parts.add("itemType=" + enc(item[3]));
            if (item.length > 4 && item[4].equals("personal")) {
                parts.add("itemPersonal=" + i);
            }
        }
        return String.join("&", parts);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static final List<String[]> TAXI_ITEMS = List.of(
            new String[]{"taxi_plate", "车牌", "Plate", "string"},
            new String[]{"driver_name", "驾驶员姓名", "Driver name", "string", "personal"},
            new String[]{"", "", "", "string"});

    @Nested
    class Browsing {

        @Test
        void thePublicSeesEveryCurrentResourceButCoreDataIncludingThoseNotShared() {
            HttpResponse<String> page = anyone().get("/catalogue");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("QH-TRANSPORT-0001", "QH-HRSS-0004", "不予共享")
                    .doesNotContain("QH-TRANSPORT-0004").doesNotContain("QH-HEALTH-0003");
            HttpResponse<String> notShared = anyone().get("/catalogue/resources/QH-HRSS-0004");
            assertThat(notShared.statusCode()).isEqualTo(200);
            assertThat(notShared.body()).contains("劳动保障监察条例").contains("complainant_name");
            assertThat(anyone().get("/catalogue/resources/QH-TRANSPORT-0004").statusCode()).isEqualTo(404);
        }

        @Test
        void governmentStaffAlsoSeeCoreData() {
            WebSession staff = staff("staff.housing");
            assertThat(staff.get("/catalogue").body()).contains("QH-TRANSPORT-0004");
            HttpResponse<String> core = staff.get("/catalogue/resources/QH-TRANSPORT-0004");
            assertThat(core.statusCode()).isEqualTo(200);
            assertThat(core.body()).contains("核心数据").contains("关键信息基础设施安全保护条例");
            assertThat(staff("auditor.zhou").get("/catalogue/resources/QH-DATA-0001").statusCode()).isEqualTo(200);
            assertThat(staff("citizen.liu").get("/catalogue/resources/QH-DATA-0001").statusCode()).isEqualTo(404);
        }

        @Test
        void findsResourcesByChineseWords() {
            String body = anyone().get(search("公交")).body();
            assertThat(body).contains("QH-TRANSPORT-0002");
            assertThat(anyone().get(search("空气质量")).body()).contains("QH-ENVIRONMENT-0001");
            assertThat(anyone().get(search("养老机构")).body()).contains("QH-CIVIL-AFFAIRS-0003")
                    .doesNotContain("QH-TRANSPORT-0002");
        }

        @Test
        void findsResourcesByEnglishWordsWithStems() {
            assertThat(anyone().get(search("bus route")).body()).contains("QH-TRANSPORT-0002");
            assertThat(anyone().get(search("pollutant discharge permit")).body()).contains("QH-ENVIRONMENT-0002");
            assertThat(anyone().get(search("plate number")).body()).contains("QH-TRANSPORT-0001");
        }

        @Test
        void widensAbbreviationsToTheOfficialTerms() {
            // 社保 is not in any name; the synonym list widens it to 社会保险
            assertThat(anyone().get(search("社保")).body()).contains("QH-HRSS-0001");
            assertThat(anyone().get(search("低保")).body()).contains("QH-CIVIL-AFFAIRS-0001");
            assertThat(anyone().get(search("social insurance")).body()).contains("QH-HRSS-0001");
        }

        @Test
        void browsesByDepartmentAndByClass() {
            String health = anyone().get("/catalogue?provider=HEALTH").body();
            assertThat(health).contains("QH-HEALTH-0001", "QH-HEALTH-0002").doesNotContain("QH-TRANSPORT-0001");
            String basic = anyone().get("/catalogue?classification=1").body();
            assertThat(basic).contains("QH-MARKET-0001").doesNotContain("QH-TRANSPORT-0002");
        }

        @Test
        void pagesLongListsFiftyAtATime() {
            org.commonweal.identity.CommonwealUser staff = CatalogueFixtures.staffOf(organisations, "LINJIANG-GOV");
            while (catalogue.ofProvider("LINJIANG-GOV").size() < 60) {
                catalogue.register(CatalogueFixtures.parkingDraft("LINJIANG-GOV"), staff);
            }
            int total = catalogue.ofProvider("LINJIANG-GOV").size();
            String first = anyone().get("/catalogue?provider=LINJIANG-GOV").body();
            assertThat(first).contains("rel=\"next\"").doesNotContain("rel=\"prev\"");
            assertThat(first.split("<tr>", -1)).hasSize(1 + 1 + 50);
            String second = anyone().get("/catalogue?provider=LINJIANG-GOV&page=2").body();
            assertThat(second).contains("rel=\"prev\"");
            assertThat(second.split("<tr>", -1)).hasSize(1 + 1 + Math.min(50, total - 50));
            assertThat(anyone().get("/catalogue?page=abc").statusCode()).isEqualTo(200);
            assertThat(anyone().get("/catalogue?page=99999999999").statusCode()).isEqualTo(200);
            assertThat(anyone().get("/catalogue?provider=LINJIANG-GOV&page=500").body()).contains(
                    "没有符合条件的数据资源");
        }

        @Test
        void hostileSearchesAreHarmless() {
            for (String words : List.of("<script>alert(1)</script>", "' OR 1=1 --", "\"unclosed", "AND OR NOT *:*",
                    "../../etc/passwd", "x".repeat(5000), "(((((", "社保)")) {
                HttpResponse<String> page = anyone().get(search(words));
                assertThat(page.statusCode()).as(words).isEqualTo(200);
                assertThat(page.body()).doesNotContain("<script>alert(1)</script>");
            }
            assertThat(anyone().get("/catalogue?provider=%3Cb%3E&classification=9").statusCode()).isEqualTo(200);
            assertThat(anyone().get("/catalogue/resources/..%2F..%2Fetc").statusCode()).isBetween(400, 404);
        }

        @Test
        void theHomePageLinksTheCatalogue() {
            String home = anyone().get("/").body();
            assertThat(home.substring(home.indexOf("id=\"pillar-COHESION\""), home.indexOf("id=\"pillar-TRUST\"")))
                    .contains("href=\"/catalogue\"");
        }
    }

    @Nested
    class Api {

        @Test
        void servesTheCatalogueAsJsonWithThePagesVisibility() {
            HttpResponse<String> one = anyone().getJson("/api/v1/catalogue/resources/QH-TRANSPORT-0001");
            assertThat(one.statusCode()).isEqualTo(200);
            assertThat(one.body()).contains("\"code\":\"QH-TRANSPORT-0001\"", "\"key\":\"owner_id_number\"",
                    "\"sensitive\":true", "\"offeredThroughGateway\":true");
            assertThat(anyone().getJson(search("社保").replace("/catalogue", "/api/v1/catalogue/resources")).body())
                    .contains("QH-HRSS-0001");
            HttpResponse<String> core = anyone().getJson("/api/v1/catalogue/resources/QH-TRANSPORT-0004");
            assertThat(core.statusCode()).isEqualTo(404);
            assertThat(core.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
            assertThat(core.body()).contains("\"code\":\"resource_not_found\"");
            assertThat(staff("staff.housing").getJson("/api/v1/catalogue/resources/QH-TRANSPORT-0004").body())
                    .contains("\"grade\":\"CORE\"", "\"offeredThroughGateway\":false");
            HttpResponse<String> tooLong = anyone().getJson("/api/v1/catalogue/resources?q=" + "x".repeat(300));
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(tooLong.body()).contains("\"code\":\"field_too_long\"");
        }
    }

    @Nested
    class Managing {

        @Test
        void staffRegisterAResourceThroughTheFormAndFindItAtOnce() {
            WebSession staff = staff("staff.transport");
            assertThat(staff.get("/department/catalogue/new").statusCode()).isEqualTo(200);
            HttpResponse<String> created = staff.postRaw("/department/catalogue/new",
                    withItems(form("出租车实时位置", "Live taxi positions"), staff.csrfToken(), TAXI_ITEMS));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
            String location = created.headers().firstValue("Location").orElseThrow();
            assertThat(location).matches(".*/catalogue/resources/QH-TRANSPORT-\\d{4}\\?done=registered");
            String code = location.replaceAll(".*/resources/([A-Z0-9-]+)\\?.*", "$1");

            DataResource stored = catalogue.get(code);
            assertThat(stored.items()).extracting(DataItem::key).containsExactly("taxi_plate", "driver_name");
            assertThat(stored.item("driver_name").orElseThrow().personal()).isTrue();
            assertThat(staff.get("/catalogue/resources/" + code + "?done=registered").body()).contains("出租车实时位置", "driver_name");
            assertThat(anyone().get(search("出租车")).body()).contains(code);
            assertThat(staff.get("/department/catalogue").body()).contains(code);
        }

        @Test
        void aFormWithMistakesComesBackWithEveryProblemLinkedToItsField() {
            WebSession staff = staff("staff.transport");
            staff.get("/department/catalogue/new");
            Map<String, String> fields = form("", "Taxi");
            fields.put("sharingType", "NOT_SHARED");
            fields.put("classification", "9-99");
            HttpResponse<String> page = staff.postRaw("/department/catalogue/new", withItems(fields, staff.csrfToken(),
                    List.<String[]>of(new String[]{"Bad Key", "车牌", "Plate", "string"})));
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("class=\"error-summary\"", "href=\"#legalBasis\"", "href=\"#nameZh\"",
                    "href=\"#classification\"", "href=\"#item-0-key\"", "value=\"Bad Key\"");
        }

        @Test
        void addRowsRedrawsTheFormWithoutSaving() {
            WebSession staff = staff("staff.transport");
            staff.get("/department/catalogue/new");
            int before = catalogue.ofProvider("TRANSPORT").size();
            Map<String, String> fields = form("更多行", "More rows");
            fields.put("action", "more");
            HttpResponse<String> page = staff.postRaw("/department/catalogue/new", withItems(fields, staff.csrfToken(), TAXI_ITEMS));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("value=\"taxi_plate\"", "id=\"item-7-key\"");
            assertThat(catalogue.ofProvider("TRANSPORT")).hasSize(before);
        }

        @Test
        void staffEditAndRetireTheirResource() {
            WebSession staff = staff("staff.transport");
            staff.get("/department/catalogue/new");
            String code = staff.postRaw("/department/catalogue/new", withItems(form("网约车平台", "Ride-hailing platforms"),
                    staff.csrfToken(), TAXI_ITEMS)).headers().firstValue("Location").orElseThrow()
                    .replaceAll(".*/resources/([A-Z0-9-]+)\\?.*", "$1");

            assertThat(staff.get("/department/catalogue/" + code + "/edit").body()).contains("value=\"Ride-hailing platforms\"");
            Map<String, String> changed = form("网约车平台", "Ride-hailing platforms");
            changed.put("code", code);
            changed.put("version", "1");
            changed.put("sharingType", "CONDITIONAL");
            changed.put("sharingConditions", "仅限交通执法 / traffic enforcement only");
            HttpResponse<String> saved = staff.postRaw("/department/catalogue/" + code + "/edit",
                    withItems(changed, staff.csrfToken(), TAXI_ITEMS));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
            assertThat(catalogue.get(code).sharingType()).isEqualTo(SharingType.CONDITIONAL);

            HttpResponse<String> stale = staff.postRaw("/department/catalogue/" + code + "/edit",
                    withItems(changed, staff.csrfToken(), TAXI_ITEMS));
            assertThat(stale.statusCode()).isEqualTo(409);

            assertThat(staff.get("/department/catalogue/" + code + "/retire").statusCode()).isEqualTo(200);
            HttpResponse<String> retired = staff.post("/department/catalogue/" + code + "/retire", Map.of("version", "2"));
            assertThat(retired.statusCode()).isEqualTo(302);
            assertThat(catalogue.get(code).retired()).isTrue();
            assertThat(anyone().get("/catalogue/resources/" + code).statusCode()).isEqualTo(404);
            assertThat(anyone().get(search("网约车")).body()).doesNotContain(code);
        }

        @Test
        void aDepartmentCannotEditAnothersResources() {
            WebSession housing = staff("staff.housing");
            assertThat(housing.get("/department/catalogue/QH-TRANSPORT-0001/edit").statusCode()).isEqualTo(403);
            assertThat(housing.get("/department/catalogue/QH-TRANSPORT-0001/retire").statusCode()).isEqualTo(403);
            Map<String, String> fields = form("篡改", "Tampered");
            fields.put("version", "1");
            assertThat(housing.postRaw("/department/catalogue/QH-TRANSPORT-0001/edit",
                    withItems(fields, housing.csrfToken(), TAXI_ITEMS)).statusCode()).isEqualTo(403);
            assertThat(housing.post("/department/catalogue/QH-TRANSPORT-0001/retire", Map.of("version", "1")).statusCode())
                    .isEqualTo(403);
            // the provider field of the form is ignored: staff register for their own department only
            housing.get("/department/catalogue/new");
            HttpResponse<String> created = housing.postRaw("/department/catalogue/new",
                    withItems(form("住建资源", "Housing resource"), housing.csrfToken(), TAXI_ITEMS));
            assertThat(created.headers().firstValue("Location").orElseThrow()).contains("QH-HOUSING-");
            assertThat(catalogue.get("QH-TRANSPORT-0001").nameEn()).isEqualTo("Motor vehicle registrations");
        }

        @Test
        void citizensAndAnonymousPeopleCannotManage() {
            assertThat(staff("citizen.liu").get("/department/catalogue").statusCode()).isEqualTo(403);
            assertThat(anyone().get("/department/catalogue").statusCode()).isEqualTo(302);
        }

        @Test
        void aPlatformAdministratorManagesAnyDepartment() {
            WebSession admin = WebSession.signedIn(port, ADMIN, ADMIN_PASSWORD);
            assertThat(admin.get("/department/catalogue?provider=HEALTH").body()).contains("QH-HEALTH-0001");
            assertThat(admin.get("/department/catalogue/QH-HEALTH-0002/edit").statusCode()).isEqualTo(200);
        }
    }
}
