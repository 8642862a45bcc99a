package org.commonweal.exchange;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonweal.identity.Organisations;
import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.MutableClock;
import org.commonweal.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonweal.support.CommonwealIntegrationTest.DEMO_PASSWORD;

/** Applying, deciding and overseeing through the staff pages, without JavaScript, over real HTTP. */
@CommonwealIntegrationTest
class SharingPagesIntegrationTest {

    private static final Pattern APPLICATION = Pattern.compile("/sharing/applications/([0-9a-f-]{36})");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.context.ApplicationContext application;

    @Autowired
    ExchangeServices services;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Agreements agreements;

    @Autowired
    CallRecords calls;

    @Autowired
    org.commonweal.identity.ApiTokens tokens;

    @Autowired
    org.commonweal.identity.Accounts accounts;

    static final String DEMO_SERVICE = "CW-DEMO/GOV/TRANSPORT/vehicles/vehicle-registrations";

    String vehicleService;

    @BeforeEach
    void setUp() {
        ExchangeFixtures.awaitDemoCatalogue(jdbc);
        clock.set(SharingApplicationsIntegrationTest.BEFORE_QINGMING);
        vehicleService = ExchangeFixtures.newVehicleServiceId();
        services.register(ExchangeFixtures.vehicleService(vehicleService, "http://127.0.0.1:9/vehicles"),
                ExchangeFixtures.staffOf(organisations, "TRANSPORT"));
    }

    /** A form body with repeated fields (several checked items) and the session's CSRF token. */
    private static String form(WebSession session, List<String[]> fields) {
        List<String[]> all = new ArrayList<>(fields);
        all.add(new String[]{"_csrf", session.csrfToken()});
        return String.join("&", all.stream().map(f -> URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f[1], StandardCharsets.UTF_8)).toList());
    }

    private static List<String[]> application(String key, String purpose, String... items) {
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[]{"submissionKey", key});
        for (String item : items) {
            fields.add(new String[]{"items", item});
        }
        fields.add(new String[]{"purpose", purpose});
        fields.add(new String[]{"legalBasis", "《公共租赁住房管理办法》第七条"});
        fields.add(new String[]{"validUntil", "2026-12-31"});
        fields.add(new String[]{"callsPerMinute", "60"});
        fields.add(new String[]{"delayDays", "0"});
        fields.add(new String[]{"delayBasis", ""});
        return fields;
    }

    private static String applicationId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        Matcher matcher = APPLICATION.matcher(response.headers().firstValue("Location").orElseThrow());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String version(String page) {
        Matcher matcher = VERSION.matcher(page);
        assertThat(matcher.find()).as("a decision form").isTrue();
        return matcher.group(1);
    }

    @Test
    void aDepartmentAppliesFromTheCatalogueAndTheProviderNarrowsItIntoAnAgreement() {
        WebSession housing = WebSession.signedIn(port, "staff.housing", DEMO_PASSWORD);
        assertThat(housing.get("/sharing/apply").body()).contains("/sharing/apply/QH-TRANSPORT-0001")
                .doesNotContain("/sharing/apply/QH-TRANSPORT-0004", "/sharing/apply/QH-DATA-0001");
        String formPage = housing.get("/sharing/apply/QH-TRANSPORT-0001").body();
        assertThat(formPage).contains("号牌号码", "name=\"submissionKey\"");

        String key = UUID.randomUUID().toString();
        String id = applicationId(housing.postRaw("/sharing/apply/QH-TRANSPORT-0001",
                form(housing, application(key, "核查申请人车辆 <script>alert(1)</script>", "plate_number", "owner_name", "owner_id_number"))));
        // the double click: the same form again is the same application
        assertThat(applicationId(housing.postRaw("/sharing/apply/QH-TRANSPORT-0001",
                form(housing, application(key, "核查申请人车辆 <script>alert(1)</script>", "plate_number", "owner_name", "owner_id_number")))))
                .isEqualTo(id);
        assertThat(jdbc.sql("SELECT count(*) FROM exchange_application WHERE submission_key = ?").param(key)
                .query(Integer.class).single()).isEqualTo(1);

        String mine = housing.get("/sharing/applications").body();
        assertThat(mine).contains(id, "待审批");
        String shown = housing.get("/sharing/applications/" + id).body();
        assertThat(shown).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)", "name=\"outcome\"");

        WebSession transport = WebSession.signedIn(port, "staff.transport", DEMO_PASSWORD);
        assertThat(transport.get("/sharing/inbox").body()).contains(id, "未到期");
        String decisionPage = transport.get("/sharing/applications/" + id).body();
        assertThat(decisionPage).contains("name=\"outcome\"", vehicleService);
        String seen = version(decisionPage);

        HttpResponse<String> decided = transport.postRaw("/sharing/applications/" + id + "/decision", form(transport, List.of(
                new String[]{"version", seen}, new String[]{"outcome", "NARROW"}, new String[]{"serviceId", vehicleService},
                new String[]{"approvedItems", "plate_number"}, new String[]{"approvedItems", "owner_name"},
                new String[]{"approvedUntil", "2026-09-30"}, new String[]{"reason", "身份证号不在必要范围内"})));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(302);
        String after = transport.get("/sharing/applications/" + id + "?saved").body();
        assertThat(after).contains("已缩减批准", "2026-09-30", "/sharing/agreements/");

        // a second approver with the page still open gets "reload", never a second agreement
        HttpResponse<String> late = transport.postRaw("/sharing/applications/" + id + "/decision", form(transport, List.of(
                new String[]{"version", seen}, new String[]{"outcome", "APPROVE"}, new String[]{"serviceId", vehicleService})));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM exchange_agreement WHERE service_id = ?").param(vehicleService)
                .query(Integer.class).single()).isEqualTo(1);

        String agreements = housing.get("/sharing/agreements").body();
        assertThat(agreements).contains("有效", "2026-09-30");
    }

    @Test
    void twoApproversPostingTheSameVersionGetOneAgreementAndOneReload() {
        WebSession housing = WebSession.signedIn(port, "staff.housing", DEMO_PASSWORD);
        String id = applicationId(housing.postRaw("/sharing/apply/QH-TRANSPORT-0001",
                form(housing, application(UUID.randomUUID().toString(), "核查", "plate_number"))));
        WebSession first = WebSession.signedIn(port, "staff.transport", DEMO_PASSWORD);
        WebSession second = WebSession.signedIn(port, "admin.transport", DEMO_PASSWORD);
        String seen = version(first.get("/sharing/applications/" + id).body());
        version(second.get("/sharing/applications/" + id).body());

        HttpResponse<String> one = first.postRaw("/sharing/applications/" + id + "/decision", form(first, List.of(
                new String[]{"version", seen}, new String[]{"outcome", "APPROVE"}, new String[]{"serviceId", vehicleService})));
        HttpResponse<String> other = second.postRaw("/sharing/applications/" + id + "/decision", form(second, List.of(
                new String[]{"version", seen}, new String[]{"outcome", "REFUSE"}, new String[]{"reason", "不需要"})));

        assertThat(one.statusCode()).isEqualTo(302);
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.body()).contains("刷新");
    }

    @Test
    void formProblemsComeBackOnTheFormWithWhatWasTyped() {
        WebSession housing = WebSession.signedIn(port, "staff.housing", DEMO_PASSWORD);
        List<String[]> empty = application(UUID.randomUUID().toString(), "");
        empty.removeIf(f -> f[0].equals("validUntil"));
        empty.add(new String[]{"validUntil", "31/12/2026"});
        empty.add(new String[]{"legalBasis", "'; DROP TABLE exchange_application; --"});
        HttpResponse<String> response = housing.postRaw("/sharing/apply/QH-TRANSPORT-0001", form(housing, empty));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("error-summary", "href=\"#item-0\"", "href=\"#purpose\"", "href=\"#validUntil\"", "31/12/2026");

        HttpResponse<String> refusedResource = housing.get("/sharing/apply/QH-TRANSPORT-0004");
        assertThat(refusedResource.statusCode()).isEqualTo(409);
        assertThat(refusedResource.body()).contains("不能申请").doesNotContain("Exception");
        assertThat(housing.get("/sharing/apply/..%2F..%2Fetc%2Fpasswd").statusCode()).isBetween(400, 404);
        assertThat(housing.get("/sharing/applications/not-a-uuid").statusCode()).isEqualTo(404);
    }

    @Test
    void hostileAndMalformedInputGetsA400WithTheProblemNeverA500() {
        WebSession housing = WebSession.signedIn(port, "staff.housing", DEMO_PASSWORD);
        List<List<String[]>> bad = new ArrayList<>();
        bad.add(application(UUID.randomUUID().toString(), "长".repeat(1001), "plate_number"));
        List<String[]> letters = application(UUID.randomUUID().toString(), "核查", "plate_number");
        letters.replaceAll(f -> f[0].equals("delayDays") ? new String[]{"delayDays", "abc"} : f);
        bad.add(letters);
        List<String[]> huge = application(UUID.randomUUID().toString(), "核查", "plate_number");
        huge.replaceAll(f -> f[0].equals("callsPerMinute") ? new String[]{"callsPerMinute", "99999999999999"} : f);
        bad.add(huge);
        List<String[]> past = application(UUID.randomUUID().toString(), "核查", "plate_number");
        past.replaceAll(f -> f[0].equals("validUntil") ? new String[]{"validUntil", "2020-01-01"} : f);
        bad.add(past);
        bad.add(application(UUID.randomUUID().toString(), "核查", "../../etc/passwd"));
        List<String[]> delayed = application(UUID.randomUUID().toString(), "核查", "plate_number");
        delayed.replaceAll(f -> f[0].equals("delayDays") ? new String[]{"delayDays", "30"} : f);
        bad.add(delayed);
        for (List<String[]> fields : bad) {
            HttpResponse<String> response = housing.postRaw("/sharing/apply/QH-TRANSPORT-0001", form(housing, fields));
            assertThat(response.statusCode()).as(fields.toString()).isEqualTo(400);
            assertThat(response.body()).contains("error-summary").doesNotContain("Exception", "at org.");
        }
        assertThat(housing.postRaw("/sharing/apply/QH-TRANSPORT-0001", "%zz=%%").statusCode()).isBetween(400, 403);

        String id = applicationId(housing.postRaw("/sharing/apply/QH-TRANSPORT-0001",
                form(housing, application(UUID.randomUUID().toString(), "核查", "plate_number"))));
        WebSession transport = WebSession.signedIn(port, "staff.transport", DEMO_PASSWORD);
        for (List<String[]> decision : List.of(
                List.of(new String[]{"version", "x"}, new String[]{"outcome", "APPROVE"}),
                List.of(new String[]{"version", "0"}, new String[]{"outcome", "DROP TABLE"}),
                List.of(new String[]{"version", "0"}, new String[]{"outcome", "NARROW"}, new String[]{"approvedUntil", "tomorrow"}))) {
            HttpResponse<String> response = transport.postRaw("/sharing/applications/" + id + "/decision", form(transport, decision));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("error-summary");
        }
        assertThat(jdbc.sql("SELECT status FROM exchange_application WHERE id = ?::uuid").param(id).query(String.class).single())
                .isEqualTo("PENDING");
    }

    @Test
    void aRefusalNeedsAReasonOnThePageAndIsListedForTheApplicantAndTheAuthority() {
        WebSession housing = WebSession.signedIn(port, "staff.housing", DEMO_PASSWORD);
        String id = applicationId(housing.postRaw("/sharing/apply/QH-TRANSPORT-0001",
                form(housing, application(UUID.randomUUID().toString(), "核查", "owner_id_number"))));
        WebSession transport = WebSession.signedIn(port, "staff.transport", DEMO_PASSWORD);
        String seen = version(transport.get("/sharing/applications/" + id).body());
        HttpResponse<String> noReason = transport.postRaw("/sharing/applications/" + id + "/decision", form(transport, List.of(
                new String[]{"version", seen}, new String[]{"outcome", "REFUSE"}, new String[]{"reason", ""})));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("href=\"#reason\"");

        assertThat(transport.postRaw("/sharing/applications/" + id + "/decision", form(transport, List.of(
                new String[]{"version", seen}, new String[]{"outcome", "REFUSE"},
                new String[]{"reason", "身份证号超出用途所需 <b>x</b>"}))).statusCode()).isEqualTo(302);

        assertThat(housing.get("/sharing/refusals").body()).contains("身份证号超出用途所需 &lt;b&gt;x&lt;/b&gt;");
        WebSession authority = WebSession.signedIn(port, "authority.data", DEMO_PASSWORD);
        assertThat(authority.get("/sharing/refusals").body()).contains("身份证号超出用途所需");
        WebSession auditor = WebSession.signedIn(port, "auditor.zhou", DEMO_PASSWORD);
        assertThat(auditor.get("/sharing/refusals").body()).contains("身份证号超出用途所需");
    }

    @Test
    void otherDepartmentsCannotDecideAndAuditorsOnlyRead() {
        WebSession housing = WebSession.signedIn(port, "staff.housing", DEMO_PASSWORD);
        String id = applicationId(housing.postRaw("/sharing/apply/QH-TRANSPORT-0001",
                form(housing, application(UUID.randomUUID().toString(), "核查", "plate_number"))));
        String seen = version(WebSession.signedIn(port, "staff.transport", DEMO_PASSWORD).get("/sharing/applications/" + id).body());

        WebSession urban = WebSession.signedIn(port, "staff.urban", DEMO_PASSWORD);
        assertThat(urban.get("/sharing/applications/" + id).statusCode()).isEqualTo(403);
        assertThat(urban.postRaw("/sharing/applications/" + id + "/decision", form(urban, List.of(
                new String[]{"version", seen}, new String[]{"outcome", "APPROVE"}))).statusCode()).isEqualTo(403);
        assertThat(housing.postRaw("/sharing/applications/" + id + "/decision", form(housing, List.of(
                new String[]{"version", seen}, new String[]{"outcome", "APPROVE"}))).statusCode()).isEqualTo(403);

        WebSession auditor = WebSession.signedIn(port, "auditor.zhou", DEMO_PASSWORD);
        String read = auditor.get("/sharing/applications/" + id).body();
        assertThat(read).contains("核查").doesNotContain("name=\"outcome\"");
        assertThat(auditor.postRaw("/sharing/applications/" + id + "/decision", form(auditor, List.of(
                new String[]{"version", seen}, new String[]{"outcome", "APPROVE"}))).statusCode()).isEqualTo(403);
        assertThat(WebSession.signedIn(port, "citizen.liu", DEMO_PASSWORD).get("/sharing/inbox").statusCode()).isEqualTo(403);
    }

    @Test
    void theDataAuthoritySeesOverdueApplicationsAndDecidesThem() {
        WebSession housing = WebSession.signedIn(port, "staff.housing", DEMO_PASSWORD);
        String id = applicationId(housing.postRaw("/sharing/apply/QH-TRANSPORT-0001",
                form(housing, application(UUID.randomUUID().toString(), "超期测试", "plate_number"))));
        WebSession authority = WebSession.signedIn(port, "authority.data", DEMO_PASSWORD);
        assertThat(authority.get("/sharing/applications/" + id).body()).doesNotContain("name=\"outcome\"");

        clock.set(java.time.Instant.parse("2026-04-17T01:00:00Z"));
        assertThat(WebSession.signedIn(port, "staff.transport", DEMO_PASSWORD).get("/sharing/inbox?view=OVERDUE").body())
                .contains(id, "已超期");
        assertThat(authority.get("/sharing/overdue").body()).contains(id);
        String page = authority.get("/sharing/applications/" + id).body();
        assertThat(page).contains("数据主管部门可以处理", "name=\"outcome\"");
        assertThat(authority.postRaw("/sharing/applications/" + id + "/decision", form(authority, List.of(
                new String[]{"version", version(page)}, new String[]{"outcome", "APPROVE"},
                new String[]{"serviceId", vehicleService}))).statusCode()).isEqualTo(302);
        assertThat(authority.get("/sharing/agreements").body()).contains("全部部门的共享协议");
    }

    @Test
    void theProviderSuspendsAndResumesAnAgreementWithAReason() {
        WebSession housing = WebSession.signedIn(port, "staff.housing", DEMO_PASSWORD);
        String id = applicationId(housing.postRaw("/sharing/apply/QH-TRANSPORT-0001",
                form(housing, application(UUID.randomUUID().toString(), "核查", "plate_number"))));
        WebSession transport = WebSession.signedIn(port, "staff.transport", DEMO_PASSWORD);
        String seen = version(transport.get("/sharing/applications/" + id).body());
        transport.postRaw("/sharing/applications/" + id + "/decision", form(transport, List.of(
                new String[]{"version", seen}, new String[]{"outcome", "APPROVE"}, new String[]{"serviceId", vehicleService})));
        String agreement = jdbc.sql("SELECT agreement_id::text FROM exchange_application WHERE id = ?::uuid").param(id)
                .query(String.class).single();

        assertThat(housing.post("/sharing/agreements/" + agreement + "/suspend", Map.of("reason", "不是我们的")).statusCode()).isEqualTo(403);
        HttpResponse<String> noReason = transport.post("/sharing/agreements/" + agreement + "/suspend", Map.of("reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("href=\"#reason\"");
        assertThat(transport.post("/sharing/agreements/" + agreement + "/suspend", Map.of("reason", "核查数据质量")).statusCode()).isEqualTo(302);
        assertThat(housing.get("/sharing/agreements/" + agreement).body()).contains("已暂停", "核查数据质量");
        assertThat(transport.post("/sharing/agreements/" + agreement + "/resume", Map.of()).statusCode()).isEqualTo(302);
        assertThat(transport.post("/sharing/agreements/" + agreement + "/revoke", Map.of("reason", "停止合作")).statusCode()).isEqualTo(302);
        assertThat(transport.post("/sharing/agreements/" + agreement + "/resume", Map.of()).statusCode()).isEqualTo(403);
        assertThat(ExchangeFixtures.evidenceTypes(jdbc, "exchange-agreement/" + agreement)).contains(
                "exchange.agreement_suspended", "exchange.agreement_resumed", "exchange.agreement_revoked");
    }

    @Test
    void theDataAuthorityOverseesButDoesNotApplyOrHandleInboxes() {
        WebSession authority = WebSession.signedIn(port, "authority.data", DEMO_PASSWORD);
        for (String path : List.of("/sharing/overdue", "/sharing/refusals", "/sharing/agreements", "/sharing/statistics")) {
            assertThat(authority.get(path).statusCode()).as(path).isEqualTo(200);
        }
        for (String path : List.of("/sharing/apply", "/sharing/inbox", "/sharing/applications", "/privacy/my-data")) {
            assertThat(authority.get(path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(authority.get("/account").body()).contains("数据主管部门");
    }

    @Test
    void callStatisticsShowTheSameNumbersInTablesWithoutJavaScript() throws Exception {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> !agreements.between("DATA", DEMO_SERVICE).isEmpty());
        org.commonweal.exchange.internal.DemoSystemHere.pointTheDemoServiceAt(application);
        UUID data = organisations.find(org.commonweal.identity.OrganisationIdentifier.of("CW-DEMO", "GOV", "DATA")).orElseThrow().id();
        String token = tokens.issue(data, "statistics test", accounts.findByUsername("admin.data").orElseThrow().id()).secret();
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            for (int i = 0; i < 3; i++) {
                assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/r1/"
                                + DEMO_SERVICE + "/" + URLEncoder.encode("清A1234" + i, StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + token).header("X-Road-Client", "CW-DEMO/GOV/DATA/service-hall")
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            }
        }
        calls.flushNow();
        long total = jdbc.sql("SELECT count(*) FROM exchange_call WHERE (provider_member = 'TRANSPORT' OR consumer_member = 'TRANSPORT')"
                        + " AND at >= '2026-01-01T00:00:00+08:00' AND at < '2027-01-01T00:00:00+08:00'")
                .query(Long.class).single();
        assertThat(total).isGreaterThanOrEqualTo(3);

        WebSession transport = WebSession.signedIn(port, "staff.transport", DEMO_PASSWORD);
        HttpResponse<String> page = transport.get("/sharing/statistics?from=2026-01-01&to=2026-12-31");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("数据共享调用统计", "QH-TRANSPORT-0001", "清河市政务服务和数据管理局",
                "<td>" + total + "</td>", "resource-chart-data", "consumer-chart-data");
        // the calls DATA just made to Transport are not Urban Management's business (Urban's own calls, made by
        // other tests in this shared database, may show)
        assertThat(WebSession.signedIn(port, "staff.urban", DEMO_PASSWORD).get("/sharing/statistics?from=2026-01-01&to=2026-12-31")
                .body()).doesNotContain("清河市政务服务和数据管理局");
        assertThat(transport.get("/sharing/statistics?from=%3Cscript%3E&to=2026-99-99").statusCode()).isEqualTo(200);
        assertThat(WebSession.signedIn(port, "citizen.liu", DEMO_PASSWORD).get("/sharing/statistics").statusCode()).isEqualTo(403);
    }
}
