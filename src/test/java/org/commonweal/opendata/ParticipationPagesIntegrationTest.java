package org.commonweal.opendata;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonweal.identity.Accounts;
import org.commonweal.opendata.access.ConditionalAccess;
import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.MutableClock;
import org.commonweal.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonweal.support.CommonwealIntegrationTest.DEMO_PASSWORD;

/** Requests, error reports, reuses and applications through the pages, without JavaScript, over real HTTP. */
@CommonwealIntegrationTest
class ParticipationPagesIntegrationTest {

    private static final Pattern FEEDBACK = Pattern.compile("/data/requests/([RE]-[2-9A-Z]{6})\\?sent");
    private static final Pattern KEY = Pattern.compile("id=\"access-key\">(cwk_[A-Za-z0-9_-]+)<");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Datasets datasets;

    @Autowired
    Accounts accounts;

    @Autowired
    ConditionalAccess access;

    @BeforeEach
    void startOfWeek() {
        clock.set(MutableClock.START);
        new org.commonweal.opendata.access.Participants(accounts, jdbc).waitForDemo();
    }

    private WebSession as(String username) {
        return WebSession.signedIn(port, username, DEMO_PASSWORD);
    }

    private static String unique(String text) {
        return text + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Nested
    class RequestsAndErrorReports {

        private Map<String, String> request(String title) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("kind", "DATASET_REQUEST");
            form.put("dataset", "");
            form.put("department", "");
            form.put("title", title);
            form.put("body", "希望开放这些数据，用于开发便民应用。");
            return form;
        }

        private String numberOf(HttpResponse<String> response) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
            Matcher m = FEEDBACK.matcher(response.headers().firstValue("Location").orElseThrow());
            assertThat(m.find()).isTrue();
            return m.group(1);
        }

        @Test
        void anyoneReadsTheListButOnlySignedInPeopleAsk() {
            WebSession visitor = new WebSession(port);
            assertThat(visitor.get("/data/requests").statusCode()).isEqualTo(200);
            assertThat(visitor.get("/data/requests/new").statusCode()).isEqualTo(302);
        }

        @Test
        void aRequestToNoDepartmentIsAnsweredInPublicByTheDepartmentThatTakesIt() {
            WebSession liu = as("citizen.liu");
            liu.get("/data/requests/new");
            String title = unique("共享单车停放点");
            String number = numberOf(liu.post("/data/requests/new", request(title)));
            assertThat(numberOf(liu.post("/data/requests/new", request(title)))).as("sent twice, one request").isEqualTo(number);

            WebSession visitor = new WebSession(port);
            assertThat(visitor.get("/data/requests").body()).contains(number, title);
            assertThat(visitor.get("/data/requests/" + number).body()).contains("待答复").doesNotContain("刘洋");

            WebSession staff = as("staff.transport");
            assertThat(staff.get("/department/opendata/requests").body()).contains(number);
            HttpResponse<String> page = staff.get("/department/opendata/requests/" + number);
            assertThat(page.statusCode()).isEqualTo(200);
            Map<String, String> answer = Map.of("outcome", "answer", "answer", "已列入下季度开放计划。", "version", "0");
            HttpResponse<String> answered = staff.post("/department/opendata/requests/" + number + "/answer", answer);
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(302);
            assertThat(visitor.get("/data/requests/" + number).body()).contains("已列入下季度开放计划。", "已答复", "清河市交通运输局");

            HttpResponse<String> again = staff.post("/department/opendata/requests/" + number + "/answer", answer);
            assertThat(again.statusCode()).as("a second answer from the same stale page").isIn(403, 409);
        }

        @Test
        void anErrorReportGoesToThePublisherAndShowsOnTheDataset() {
            WebSession zhao = as("citizen.zhao");
            zhao.get("/data/requests/new?dataset=qinghe-parking-lots");
            Map<String, String> form = request(unique("停车场车位数错误"));
            form.put("kind", "ERROR_REPORT");
            form.put("dataset", "qinghe-parking-lots");
            String number = numberOf(zhao.post("/data/requests/new", form));
            assertThat(number).startsWith("E-");
            assertThat(as("staff.housing").get("/department/opendata/requests/" + number).statusCode()).isEqualTo(403);
            assertThat(as("staff.transport").get("/department/opendata/requests/" + number).statusCode()).isEqualTo(200);
        }

        @Test
        void badFormsAreAnsweredWithTheErrorBesideTheField() {
            WebSession liu = as("citizen.liu");
            liu.get("/data/requests/new");
            HttpResponse<String> empty = liu.post("/data/requests/new", request(""));
            assertThat(empty.statusCode()).isEqualTo(400);
            assertThat(empty.body()).contains("error-summary", "href=\"#title\"", "请填写标题");

            HttpResponse<String> script = liu.post("/data/requests/new", request("<script>alert(1)</script>"));
            assertThat(script.statusCode()).isEqualTo(400);
            assertThat(script.body()).doesNotContain("<script>alert(1)").contains("value=\"&lt;script>alert(1)&lt;/script>\"");

            Map<String, String> huge = request("太长");
            huge.put("body", "长".repeat(5000));
            assertThat(liu.post("/data/requests/new", huge).statusCode()).isEqualTo(400);

            Map<String, String> unknownDataset = request("不存在的数据集");
            unknownDataset.put("kind", "ERROR_REPORT");
            unknownDataset.put("dataset", "../../etc/passwd");
            assertThat(liu.post("/data/requests/new", unknownDataset).statusCode()).isEqualTo(404);

            Map<String, String> badDepartment = request("部门");
            badDepartment.put("department", "' OR 1=1 --");
            assertThat(liu.post("/data/requests/new", badDepartment).statusCode()).isEqualTo(400);

            Map<String, String> noKind = request("类型");
            noKind.put("kind", "DROP TABLE");
            assertThat(liu.post("/data/requests/new", noKind).statusCode()).isEqualTo(400);
        }

        @Test
        void sqlInATitleIsJustText() {
            WebSession liu = as("citizen.liu");
            liu.get("/data/requests/new");
            String title = unique("x'); DELETE FROM opendata_feedback; --");
            String number = numberOf(liu.post("/data/requests/new", request(title)));
            assertThat(new WebSession(port).get("/data/requests/" + number).body()).contains("DELETE FROM opendata_feedback");
            assertThat(jdbc.sql("SELECT count(*) FROM opendata_feedback").query(Integer.class).single()).isPositive();
        }

        @Test
        void unknownNumbersAreNotFound() {
            WebSession visitor = new WebSession(port);
            assertThat(visitor.get("/data/requests/R-000000").statusCode()).isEqualTo(404);
            assertThat(visitor.get("/data/requests/%3Cscript%3E").statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class Reuses {

        private Map<String, String> reuse(String url) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("title", "公交到站提醒");
            form.put("kind", "APP");
            form.put("url", url);
            form.put("description", "提醒老年人公交到站的小程序。");
            form.put("author", "清河社区科技小组");
            form.put("datasets", "qinghe-bus-routes");
            return form;
        }

        @Test
        void aReuseShowsOnlyOnceThePublisherApprovesIt() {
            WebSession liu = as("citizen.liu");
            liu.get("/data/reuses/new?dataset=qinghe-bus-routes");
            String url = "https://apps.example.cn/" + UUID.randomUUID();
            HttpResponse<String> sent = liu.post("/data/reuses/new", reuse(url));
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
            WebSession visitor = new WebSession(port);
            assertThat(visitor.get("/data/reuses").body()).doesNotContain(url);

            HttpResponse<String> duplicate = liu.post("/data/reuses/new", reuse(url + "/"));
            assertThat(duplicate.statusCode()).isEqualTo(409);
            assertThat(duplicate.body()).contains("已经登记过");

            String id = jdbc.sql("SELECT id::text FROM opendata_reuse WHERE url = ?").param(url).query(String.class).single();
            WebSession housing = as("staff.housing");
            assertThat(housing.get("/department/opendata/reuses").body()).doesNotContain(url);
            assertThat(housing.post("/department/opendata/reuses/" + id + "/moderation",
                    Map.of("decision", "approve", "reason", "", "version", "0")).statusCode()).isEqualTo(403);

            WebSession transport = as("staff.transport");
            assertThat(transport.get("/department/opendata/reuses").body()).contains(url);
            HttpResponse<String> noReason = transport.post("/department/opendata/reuses/" + id + "/moderation",
                    Map.of("decision", "reject", "reason", "", "version", "0"));
            assertThat(noReason.statusCode()).isEqualTo(400);
            HttpResponse<String> approved = transport.post("/department/opendata/reuses/" + id + "/moderation",
                    Map.of("decision", "approve", "reason", "", "version", "0"));
            assertThat(approved.statusCode()).isEqualTo(302);
            assertThat(visitor.get("/data/reuses").body()).contains(url);
            assertThat(transport.post("/department/opendata/reuses/" + id + "/moderation",
                    Map.of("decision", "approve", "reason", "", "version", "0")).statusCode()).isEqualTo(409);
        }

        @Test
        void hostileAddressesAndEmptyFormsAreRefused() {
            WebSession liu = as("citizen.liu");
            liu.get("/data/reuses/new");
            for (String url : new String[]{"javascript:alert(1)", "JaVaScRiPt:alert(document.cookie)",
                    "data:text/html,<script>alert(1)</script>", "//evil.example/x", "ftp://files.example/x",
                    "https://user:pw@evil.example/", "not a url", ""}) {
                HttpResponse<String> response = liu.post("/data/reuses/new", reuse(url));
                assertThat(response.statusCode()).as(url).isEqualTo(400);
                assertThat(response.body()).as(url).contains("href=\"#url\"");
            }
            Map<String, String> noDatasets = reuse("https://apps.example.cn/" + UUID.randomUUID());
            noDatasets.remove("datasets");
            assertThat(liu.post("/data/reuses/new", noDatasets).body()).contains("href=\"#datasets-0\"");
            Map<String, String> closed = reuse("https://apps.example.cn/" + UUID.randomUUID());
            closed.put("datasets", "qinghe-medical-records");
            assertThat(liu.post("/data/reuses/new", closed).statusCode()).isEqualTo(404);
            Map<String, String> badKind = reuse("https://apps.example.cn/" + UUID.randomUUID());
            badKind.put("kind", "<b>");
            assertThat(liu.post("/data/reuses/new", badKind).statusCode()).isEqualTo(400);
        }
    }

    @Nested
    class Applications {

        @Test
        void anEnterpriseAppliesTheDepartmentApprovesAndTheKeyIsShownOnce() {
            jdbc.sql("DELETE FROM opendata_access_key WHERE application_id IN (SELECT id FROM opendata_access_application"
                    + " WHERE applicant_id = ? AND dataset_id = ?)").params(account("member.water"), dataset("qinghe-street-lights")).update();
            jdbc.sql("DELETE FROM opendata_access_application WHERE applicant_id = ? AND dataset_id = ?")
                    .params(account("member.water"), dataset("qinghe-street-lights")).update();
            WebSession water = as("member.water");
            HttpResponse<String> form = water.get("/data/datasets/qinghe-street-lights/apply");
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("清河水务集团有限公司").doesNotContain("name=\"affiliation\"");

            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("purpose", "");
            fields.put("intendedUse", "管网巡检路线规划。");
            fields.put("periodStart", "2026-03-02");
            fields.put("periodEnd", "2026-06-30");
            HttpResponse<String> missing = water.post("/data/datasets/qinghe-street-lights/apply", fields);
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(missing.body()).contains("href=\"#purpose\"");

            fields.put("purpose", "夜间抢修需要了解路灯分布。");
            HttpResponse<String> sent = water.post("/data/datasets/qinghe-street-lights/apply", fields);
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
            String location = URLDecoder.decode(sent.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
            String id = location.replaceAll(".*/data/applications/([0-9a-f-]{36}).*", "$1");
            assertThat(water.get("/data/applications/" + id).body()).contains("待审核");
            assertThat(as("citizen.zhao").get("/data/applications/" + id).statusCode()).as("not someone else's").isEqualTo(403);

            WebSession urban = as("staff.urban");
            assertThat(urban.get("/department/opendata/applications").body()).contains("/department/opendata/applications/" + id);
            assertThat(as("staff.transport").get("/department/opendata/applications/" + id).statusCode()).isEqualTo(403);
            HttpResponse<String> undecided = urban.post("/department/opendata/applications/" + id + "/decision",
                    Map.of("decision", "", "reason", "", "version", "0"));
            assertThat(undecided.statusCode()).isEqualTo(400);
            HttpResponse<String> approved = urban.post("/department/opendata/applications/" + id + "/decision",
                    Map.of("decision", "approve", "reason", "", "version", "0"));
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(302);
            HttpResponse<String> late = urban.post("/department/opendata/applications/" + id + "/decision",
                    Map.of("decision", "refuse", "reason", "晚到的决定", "version", "0"));
            assertThat(late.statusCode()).isEqualTo(409);

            water.get("/data/applications/" + id);
            HttpResponse<String> keyPage = water.post("/data/applications/" + id + "/key", Map.of());
            assertThat(keyPage.statusCode()).isEqualTo(200);
            assertThat(keyPage.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
            Matcher key = KEY.matcher(keyPage.body());
            assertThat(key.find()).isTrue();
            assertThat(water.get("/data/applications/" + id).body()).as("shown once").doesNotContain(key.group(1));
            assertThat(access.allows(dataset("qinghe-street-lights"), key.group(1))).isTrue();

            assertThat(water.post("/data/applications/" + id + "/key/revoke", Map.of()).statusCode()).isEqualTo(302);
            assertThat(access.allows(dataset("qinghe-street-lights"), key.group(1))).isFalse();
        }

        @Test
        void onlyConditionalDatasetsAndEligiblePeopleHaveAnApplicationForm() {
            assertThat(new WebSession(port).get("/data/datasets/qinghe-street-lights/apply").statusCode()).isEqualTo(302);
            assertThat(as("citizen.liu").get("/data/datasets/qinghe-bus-stops/apply").statusCode()).isEqualTo(409);
            assertThat(as("citizen.liu").get("/data/datasets/no-such-dataset/apply").statusCode()).isEqualTo(404);
            assertThat(as("staff.transport").get("/data/datasets/qinghe-street-lights/apply").statusCode()).isEqualTo(403);
        }

        private UUID account(String username) {
            return accounts.findByUsername(username).orElseThrow().id();
        }

        private UUID dataset(String name) {
            return datasets.findByName(name).orElseThrow().id();
        }
    }

    @Test
    void madeUpIdentifiersInAddressesAreNotFound() {
        WebSession staff = as("staff.transport");
        for (String id : new String[]{"not-a-uuid", "'%20OR%201=1--", "00000000-0000-0000-0000-000000000000", "%3Cscript%3E"}) {
            assertThat(staff.get("/department/opendata/applications/" + id).statusCode()).as(id).isEqualTo(404);
            assertThat(as("citizen.liu").get("/data/applications/" + id).statusCode()).as(id).isEqualTo(404);
            staff.get("/department/opendata/reuses");
            assertThat(staff.post("/department/opendata/reuses/" + id + "/moderation",
                    Map.of("decision", "approve", "reason", "", "version", "0")).statusCode()).as(id).isEqualTo(404);
        }
    }

    @Test
    void theQualityPageExplainsTheScoreOfPublicDatasetsOnly() {
        WebSession visitor = new WebSession(port);
        HttpResponse<String> page = visitor.get("/data/datasets/qinghe-bus-stops/quality");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("质量得分", "元数据完整性", "更新及时性", "开放格式", "链接可用性");
        assertThat(visitor.get("/data/datasets/qinghe-medical-records/quality").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/data/datasets/no-such/quality").statusCode()).isEqualTo(404);
    }
}
