package org.commonweal.privacy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.commonweal.exchange.AgreementTerms;
import org.commonweal.exchange.Agreements;
import org.commonweal.exchange.CallRecords;
import org.commonweal.identity.Accounts;
import org.commonweal.identity.ApiTokens;
import org.commonweal.identity.OrganisationIdentifier;
import org.commonweal.identity.Organisations;
import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.MutableClock;
import org.commonweal.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonweal.support.CommonwealIntegrationTest.DEMO_PASSWORD;

/**
 * "Who used my data" over real HTTP: departments call the demo vehicle service through the real
 * gateway naming citizen.liu (invented ID number), and she — only she — sees and downloads the calls.
 */
@CommonwealIntegrationTest
class WhoUsedMyDataIntegrationTest {

    static final String SERVICE = "CW-DEMO/GOV/TRANSPORT/vehicles/vehicle-registrations";
    static final String LIU = "110105198503142035"; // invented, see DemoSubjects
    static final String ZHAO = "110108199207071520"; // invented

    @LocalServerPort
    int port;

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

    @BeforeEach
    void demoReady() {
        clock.set(MutableClock.START);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !agreements.between("DATA", SERVICE).isEmpty()
                && jdbc.sql("SELECT count(*) FROM privacy_subject").query(Integer.class).single() >= 2);
    }

    private HttpResponse<String> call(String member, String subject, String issue) throws Exception {
        UUID organisation = organisations.find(OrganisationIdentifier.of("CW-DEMO", "GOV", member)).orElseThrow().id();
        String token = tokens.issue(organisation, "test " + UUID.randomUUID(), accounts.findByUsername("admin").orElseThrow().id()).secret();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/r1/" + SERVICE + "/"
                            + URLEncoder.encode("清A" + UUID.randomUUID().toString().substring(0, 5), StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + token)
                    .header("X-Road-Client", "CW-DEMO/GOV/" + member + "/case-system")
                    .header("X-Road-UserId", subject)
                    .header("X-Road-Issue", issue).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void aCitizenSeesTheCallsThatNamedHerAndNoOneElseDoes() throws Exception {
        String issue = "QH-FW-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(call("DATA", LIU, issue).statusCode()).isEqualTo(200);
        calls.flushNow();

        WebSession liu = WebSession.signedIn(port, "citizen.liu", DEMO_PASSWORD);
        String page = liu.get("/privacy/my-data").body();
        assertThat(page).contains(issue, "清河市政务服务和数据管理局", "号牌号码", "所有人姓名", "依法需要暂缓告知")
                .doesNotContain(LIU, "所有人身份证号");
        String english = liu.get("/privacy/my-data?lang=en").body();
        assertThat(english).contains(issue, "Plate number", "lawful delay");

        WebSession zhao = WebSession.signedIn(port, "citizen.zhao", DEMO_PASSWORD);
        assertThat(zhao.get("/privacy/my-data").body()).doesNotContain(issue);
        assertThat(new String(zhao.getBytes("/privacy/my-data.csv").body(), StandardCharsets.UTF_8)).doesNotContain(issue);
    }

    @Test
    void callsUnderALawfulDelayAppearWhenTheDelayEnds() throws Exception {
        // only an agreement with a delay of notice: others' tests may have left HOUSING one without
        agreements.between("HOUSING", SERVICE).stream()
                .filter(a -> a.status() == org.commonweal.exchange.AgreementStatus.ACTIVE
                        || a.status() == org.commonweal.exchange.AgreementStatus.SUSPENDED)
                .forEach(a -> agreements.revoke(a.id(), "test: replaced by one with a delay of notice", "system"));
        agreements.grant(new AgreementTerms("CW-DEMO/GOV/HOUSING", SERVICE, "QH-TRANSPORT-0001", "违法线索调查",
                "《行政处罚法》", Set.of("plate_number"), LocalDate.of(2026, 12, 31), 600, 30), "system");
        String issue = "QH-DC-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(call("HOUSING", LIU, issue).statusCode()).isEqualTo(200);
        calls.flushNow();

        WebSession liu = WebSession.signedIn(port, "citizen.liu", DEMO_PASSWORD);
        assertThat(liu.get("/privacy/my-data").body()).doesNotContain(issue);
        assertThat(new String(liu.getBytes("/privacy/my-data.json").body(), StandardCharsets.UTF_8)).doesNotContain(issue);

        clock.advance(Duration.ofDays(30).plusMinutes(1));
        assertThat(liu.get("/privacy/my-data").body()).contains(issue, "清河市住房和城乡建设局");
    }

    @Test
    void theListDownloadsAsFormulaSafeCsvWithABomAndAsJson() throws Exception {
        String formula = "=HYPERLINK(\"http://evil.example\",\"x\")";
        assertThat(call("DATA", LIU, formula).statusCode()).isEqualTo(200);
        String plainIssue = "QH-FW-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(call("DATA", LIU, plainIssue).statusCode()).isEqualTo(200);
        calls.flushNow();
        WebSession liu = WebSession.signedIn(port, "citizen.liu", DEMO_PASSWORD);

        HttpResponse<byte[]> csv = liu.getBytes("/privacy/my-data.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        byte[] bytes = csv.body();
        assertThat(new byte[]{bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("时间,使用部门", plainIssue, "'=HYPERLINK").doesNotContain(",=HYPERLINK", LIU);

        HttpResponse<byte[]> json = liu.getBytes("/privacy/my-data.json");
        JsonNode calls = JsonMapper.builder().build().readTree(json.body()).get("calls");
        assertThat(calls.isArray()).isTrue();
        assertThat(calls.toString()).contains(plainIssue, "号牌号码");
        assertThat(calls.get(0).has("at")).isTrue();
    }

    @Test
    void anIdNumberIsCheckedAndBelongsToOneAccount() {
        WebSession zhao = WebSession.signedIn(port, "citizen.zhao", DEMO_PASSWORD);
        HttpResponse<String> wrongDigit = zhao.post("/privacy/my-data/id-number", Map.of("idNumber", "110105198503142036"));
        assertThat(wrongDigit.statusCode()).isEqualTo(400);
        assertThat(wrongDigit.body()).contains("校验码", "href=\"#idNumber\"").doesNotContain("110105198503142036\" ");
        for (String hostile : new String[]{"", "<script>alert(1)</script>", "' OR 1=1 --", "1".repeat(5000)}) {
            assertThat(zhao.post("/privacy/my-data/id-number", Map.of("idNumber", hostile)).statusCode()).isEqualTo(400);
        }
        HttpResponse<String> someoneElses = zhao.post("/privacy/my-data/id-number", Map.of("idNumber", LIU));
        assertThat(someoneElses.statusCode()).isEqualTo(409);
        assertThat(zhao.post("/privacy/my-data/id-number", Map.of("idNumber", " 1101 0819 9207 0715 20 ")).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM privacy_subject WHERE subject_hash LIKE '%" + ZHAO + "%'").query(Integer.class).single())
                .as("the number itself is never stored").isZero();
    }

    @Test
    void onlyCitizensHaveThePage() {
        assertThat(new WebSession(port).get("/privacy/my-data").statusCode()).isEqualTo(302);
        assertThat(WebSession.signedIn(port, "staff.transport", DEMO_PASSWORD).get("/privacy/my-data").statusCode()).isEqualTo(403);
        assertThat(WebSession.signedIn(port, "staff.transport", DEMO_PASSWORD).getBytes("/privacy/my-data.csv").statusCode()).isEqualTo(403);
    }
}
