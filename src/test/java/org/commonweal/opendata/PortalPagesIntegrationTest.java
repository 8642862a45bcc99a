package org.commonweal.opendata;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.commonweal.identity.Accounts;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.opendata.access.Application;
import org.commonweal.opendata.access.ConditionalAccess;
import org.commonweal.opendata.access.IssuedKey;
import org.commonweal.opendata.access.NewApplication;
import org.commonweal.opendata.access.Participants;
import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.MutableClock;
import org.commonweal.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The public open data pages over real HTTP without JavaScript, on the demo city's datasets. */
@CommonwealIntegrationTest
class PortalPagesIntegrationTest extends OpenDataTestSupport {

    private static final List<String> NOT_OPEN = List.of("qinghe-taxi-trips", "qinghe-subsistence-allowance",
            "qinghe-medical-records", "qinghe-property-transactions", "qinghe-social-insurance-payers");

    @Autowired
    ConditionalAccess access;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.set(MutableClock.START);
    }

    private HttpResponse<String> page(String path) {
        return new WebSession(port).get(path);
    }

    @Test
    void findsDatasetsByAChineseWordAndBySynonyms() {
        HttpResponse<String> chinese = page("/data/datasets?q=" + enc("公交"));
        assertThat(chinese.statusCode()).isEqualTo(200);
        assertThat(chinese.body()).contains("/data/datasets/qinghe-bus-stops").contains("清河市公交站点");

        // 公共交通 is not in the dataset's text: only its synonym 公交 is
        assertThat(page("/data/datasets?q=" + enc("公共交通")).body()).contains("/data/datasets/qinghe-bus-stops");
        assertThat(page("/data/datasets?q=" + enc("street lamp") + "&lang=en").body())
                .contains("/data/datasets/qinghe-street-lights");
    }

    @Test
    void facetsNarrowTheResultsAndShowCounts() {
        String all = page("/data/datasets").body();
        assertThat(all).contains("value=\"conditional\"").contains("value=\"unconditional\"")
                .contains("value=\"CSV\"").contains("value=\"TRAN\"");
        String conditional = page("/data/datasets?level=conditional").body();
        long conditionalCount = jdbc.sql("SELECT count(*) FROM opendata_dataset WHERE open_level = 'CONDITIONAL' AND "
                + org.commonweal.opendata.internal.DatasetStore.PUBLIC).query(Long.class).single();
        assertThat(conditional).contains("找到 " + conditionalCount + " 个数据集")
                .contains("value=\"conditional\" checked").doesNotContain("value=\"unconditional\"");
        assertThat(conditional).contains("/data/datasets/qinghe-realtime-bus-api")
                .doesNotContain("/data/datasets/qinghe-bus-stops\"");
        String both = page("/data/datasets?level=conditional&q=" + enc("公交")).body();
        assertThat(both).contains("/data/datasets/qinghe-realtime-bus-api").doesNotContain("qinghe-street-lights\"");
        String ordered = page("/data/datasets?sort=title&format=CSV").body();
        assertThat(ordered).contains("/data/datasets/qinghe-bus-stops");
    }

    @Test
    void datasetsThatAreNotOpenAreNeverShown() {
        String search = page("/data/datasets?q=" + enc("出租车 病历 低保 社保缴费")).body()
                + page("/data/datasets?level=not_open").body();
        for (int p = 1; p <= 2; p++) {
            search += page("/data/datasets?page=" + p).body();
        }
        String list = page("/data/open-list").body();
        String csv = page("/data/open-list.csv").body();
        for (String name : NOT_OPEN) {
            assertThat(search).doesNotContain(name);
            assertThat(list).doesNotContain(name);
            assertThat(csv).doesNotContain(name);
            assertThat(page("/data/datasets/" + name).statusCode()).isEqualTo(404);
        }
        assertThat(page("/data/datasets/qinghe-open-data-draft").statusCode()).as("drafts neither").isEqualTo(404);
        assertThat(search).doesNotContain("value=\"not_open\"");
    }

    @Test
    void theDatasetPageShowsItsDescriptionPreviewAndParticipation() {
        HttpResponse<String> response = page("/data/datasets/qinghe-bus-stops");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("清河市公交站点").contains("全市公交站点名称")
                .contains("<th scope=\"col\">stop_name</th>").contains("解放路口站")
                .contains("/api/3/action/datastore_search?resource_id=")
                .contains("id=\"dataset-quality-title\"").contains("id=\"dataset-feedback-title\"")
                .contains("id=\"dataset-reuses-title\"")
                .contains("/dataset/qinghe-bus-stops.ttl").contains("/api/3/action/package_show?id=qinghe-bus-stops");
        assertThat(page("/data/datasets/qinghe-bus-stops?lang=en").body()).contains("Qinghe bus stops");
        assertThat(page("/data/datasets/qinghe-air-quality-2025").body()).as("a chart, with its table")
                .contains("data-datastore-chart=").contains("-bars\"");
        String conditional = page("/data/datasets/qinghe-realtime-bus-api").body();
        assertThat(conditional).contains("id=\"conditional-access-title\"").contains("/data/datasets/qinghe-realtime-bus-api/apply");
    }

    @Test
    void downloadsAreCounted() {
        UUID resource = datasets.findByName("qinghe-bus-stops").orElseThrow().resources().getFirst().id();
        long before = count(resource);
        assertThat(new WebSession(port).getBytes("/data/resources/" + resource + "/download").statusCode()).isEqualTo(200);
        // counted once the bytes have gone out, so a moment after the client has them
        awaitCount(resource, before + 1);
        assertThat(new WebSession(port).getBytes("/data/datastore/" + resource + ".csv?limit=2").statusCode()).isEqualTo(200);
        awaitCount(resource, before + 2);
        assertThat(new WebSession(port).getBytes("/data/resources/" + UUID.randomUUID() + "/download").statusCode())
                .isEqualTo(404);
        assertThat(count(resource)).isEqualTo(before + 2);
        assertThat(page("/data/datasets/qinghe-bus-stops").body()).contains("<td class=\"number\">" + (before + 2) + "</td>");
    }

    private void awaitCount(UUID resource, long expected) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> count(resource) >= expected);
        assertThat(count(resource)).isEqualTo(expected);
    }

    private long count(UUID resource) {
        return jdbc.sql("SELECT coalesce(sum(downloads), 0) FROM opendata_resource_download WHERE resource_id = ?")
                .param(resource).query(Long.class).single();
    }

    @Test
    void theOpenListIsACsvWithABomSafeFromFormulas() {
        Dataset hostile = datasets.create(new DatasetDraft("portal-formula-title", "=HYPERLINK(\"http://x\")", "-1+1",
                "说明", "Description", Theme.GOVE, List.of("test"), Licence.CC_BY, department("DATA").id(), "数据局",
                "data@example.org", null, null, null, Frequency.IRREG, OpenLevel.UNCONDITIONAL, null), true, platformAdmin());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> page("/data/open-list").body().contains(hostile.name()));

        HttpResponse<byte[]> csv = new WebSession(port).getBytes("/data/open-list.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        byte[] bytes = csv.body();
        assertThat(new byte[]{bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").contains("qinghe-realtime-bus-api")
                .contains("qinghe-bus-stops");
        long lines = text.lines().count() - 1;
        assertThat(lines).isEqualTo(jdbc.sql("SELECT count(*) FROM opendata_dataset WHERE "
                + org.commonweal.opendata.internal.DatasetStore.PUBLIC).query(Long.class).single());

        String filtered = page("/data/open-list.csv?level=conditional").body();
        assertThat(filtered).contains("qinghe-realtime-bus-api").doesNotContain("qinghe-bus-stops");
        assertThat(page("/data/open-list?level=conditional").body()).contains("/data/open-list.csv?level=conditional");
        // other test classes count the demo catalogue's public datasets
        datasets.withdraw(hostile.id(), platformAdmin());
    }

    @Test
    void theOpenListPagesAHundredDatasetsAtATimeAndItsCsvHasThemAll() {
        long publicNow = publicCount();
        List<Dataset> added = new java.util.ArrayList<>();
        try {
            for (int i = 0; publicNow + added.size() <= OPEN_LIST_PAGE + 5; i++) {
                added.add(datasets.create(new DatasetDraft("paging-test-" + i, "分页测试数据集 " + i, "Paging test " + i,
                        "说明", "Description", Theme.GOVE, List.of("test"), Licence.CC_BY, department("DATA").id(), "数据局",
                        "data@example.org", null, null, null, Frequency.IRREG, OpenLevel.UNCONDITIONAL, null), true, platformAdmin()));
            }
            long total = publicCount();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> page("/data/open-list").body()
                    .contains("（" + total + " 个数据集）"));

            long pages = (total + OPEN_LIST_PAGE - 1) / OPEN_LIST_PAGE;
            String first = page("/data/open-list").body();
            String second = page("/data/open-list?page=2").body();
            List<String> firstRows = datasetLinks(first);
            List<String> secondRows = datasetLinks(second);
            assertThat(firstRows).hasSize(OPEN_LIST_PAGE);
            assertThat(secondRows).hasSize((int) Math.min(OPEN_LIST_PAGE, total - OPEN_LIST_PAGE)).doesNotContainAnyElementsOf(firstRows);
            assertThat(first).contains("第 1 页，共 " + pages + " 页").contains("href=\"/data/open-list?page=2\" rel=\"next\"")
                    .doesNotContain("rel=\"prev\"");
            assertThat(second).contains("href=\"/data/open-list?page=1\" rel=\"prev\"");
            String csv = page("/data/open-list.csv").body();
            assertThat(csv.lines().count() - 1).isEqualTo(total);
            for (String name : java.util.stream.Stream.concat(firstRows.stream(), secondRows.stream()).toList()) {
                assertThat(csv).contains(",/data/datasets/" + name + "\r\n");
            }
            assertThat(page("/data/open-list?page=999").body()).as("past the end: an empty table, with a way back")
                    .contains("href=\"/data/open-list?page=" + pages + "\" rel=\"prev\"");
            assertThat(page("/data/open-list?level=unconditional").body()).as("paging keeps the filters")
                    .contains("href=\"/data/open-list?level=unconditional&amp;page=2\" rel=\"next\"");
            assertThat(page("/data/open-list?page=abc").statusCode()).isEqualTo(200);
            assertThat(page("/data/open-list?page=20000000").statusCode()).as("no queue sized by a hostile page number").isEqualTo(200);
        } finally {
            // other test classes count the demo catalogue's public datasets
            added.forEach(d -> datasets.withdraw(d.id(), platformAdmin()));
        }
    }

    private static final int OPEN_LIST_PAGE = 100;

    private long publicCount() {
        return jdbc.sql("SELECT count(*) FROM opendata_dataset WHERE " + org.commonweal.opendata.internal.DatasetStore.PUBLIC)
                .query(Long.class).single();
    }

    private static List<String> datasetLinks(String page) {
        String table = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
        return java.util.regex.Pattern.compile("href=\"/data/datasets/([^\"]+)\"").matcher(table).results()
                .map(m -> m.group(1)).toList();
    }

    @Test
    void anApprovedApplicantsKeyOpensAConditionalResourceUntilItIsRevokedOrExpires() throws Exception {
        Participants people = new Participants(accounts, jdbc).waitForDemo();
        CommonwealUser staff = people.user("staff.transport");
        CommonwealUser applicant = people.user("citizen.liu");
        Dataset dataset = datasets.create(new DatasetDraft("portal-conditional-" + UUID.randomUUID().toString().substring(0, 8),
                "公交客流明细", "Bus ridership", "按站点的客流", "Ridership by stop", Theme.TRAN, List.of("公交"), Licence.CC_BY,
                department("TRANSPORT").id(), "交通局", "t@example.org", null, null, null, Frequency.MONTHLY,
                OpenLevel.CONDITIONAL, null), true, staff);
        DataResource resource = datasets.addFile(dataset.id(), "客流", "", "ridership.csv",
                new ByteArrayInputStream("stop,riders\nA,10\nB,20\n".getBytes(StandardCharsets.UTF_8)), staff);
        String download = "/data/resources/" + resource.id() + "/download";
        String search = "/api/3/action/datastore_search?resource_id=" + resource.id();

        assertThat(get(download).statusCode()).isEqualTo(404);
        assertThat(get(search).statusCode()).isIn(403, 404);

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        Application application = access.apply(dataset.id(), new NewApplication("清河大学", "研究客流", "校内分析",
                today.toString(), today.plusDays(10).toString()), applicant);
        access.decide(application.id(), true, "", application.version(), staff);
        IssuedKey key = access.issueKey(application.id(), applicant);

        assertThat(get(download, "Authorization", "Bearer " + key.secret()).statusCode()).isEqualTo(200);
        assertThat(get(download + "?key=" + key.secret()).statusCode()).isEqualTo(200);
        String withKey = page("/data/datasets/" + dataset.name() + "?key=" + key.secret()).body();
        assertThat(withKey).contains("<th scope=\"col\">riders</th>").contains(download);
        String withoutKey = page("/data/datasets/" + dataset.name()).body();
        assertThat(withoutKey).contains("申请获批后可下载").doesNotContain("<th scope=\"col\">riders</th>")
                .doesNotContain(download);
        HttpResponse<String> rows = get(search, "Authorization", "Bearer " + key.secret());
        assertThat(rows.statusCode()).isEqualTo(200);
        assertThat(json(rows).get("result").get("records").size()).isEqualTo(2);
        assertThat(get(search, "Authorization", key.secret()).statusCode()).as("CKAN style, without Bearer").isEqualTo(200);
        assertThat(get(search, "Authorization", "Bearer " + key.secret() + "x").statusCode()).isIn(403, 404);
        // the other CKAN actions run behind the API token filter: an access key passes it (as anonymous)
        String show = "/api/3/action/package_show?id=" + dataset.name();
        assertThat(get(show, "Authorization", "Bearer " + key.secret()).statusCode()).isEqualTo(200);
        assertThat(get(show, "Authorization", key.secret()).statusCode()).isEqualTo(200);
        assertThat(get(show, "Authorization", "Bearer cw_not-a-token").statusCode())
                .as("our own API tokens are still checked").isEqualTo(401);
        assertThat(get("/api/v1/me", "Authorization", "Bearer " + key.secret()).statusCode())
                .as("only on the CKAN API").isEqualTo(401);

        clock.advance(Duration.ofDays(12));
        assertThat(get(download, "Authorization", "Bearer " + key.secret()).statusCode()).as("expired").isEqualTo(404);
        assertThat(get(search, "Authorization", "Bearer " + key.secret()).statusCode()).isIn(403, 404);
        clock.set(MutableClock.START);
        assertThat(get(download, "Authorization", "Bearer " + key.secret()).statusCode()).isEqualTo(200);

        access.revoke(application.id(), "转售数据", staff);
        assertThat(get(download, "Authorization", "Bearer " + key.secret()).statusCode()).as("revoked").isEqualTo(404);
        assertThat(get(search, "Authorization", "Bearer " + key.secret()).statusCode()).isIn(403, 404);
        datasets.withdraw(dataset.id(), staff); // other test classes count the transport department's datasets
    }

    @Test
    void hostileQueryStringsGetASanePageOrA400() {
        HttpResponse<String> script = page("/data/datasets?q=" + enc("<script>alert(1)</script>") + "&level="
                + enc("<script>x</script>") + "&sort=" + enc("<b>"));
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).doesNotContain("<script>alert(1)").doesNotContain("<script>x");
        assertThat(page("/data/datasets?q=" + enc("' OR 1=1; DROP TABLE opendata_dataset; --")).statusCode()).isEqualTo(200);
        HttpResponse<String> long_ = page("/data/datasets?q=" + enc("公交 ".repeat(200)));
        assertThat(long_.statusCode()).as("cut to 100 characters").isEqualTo(200);
        assertThat(long_.body()).contains("qinghe-bus-stops");
        assertThat(page("/data/datasets?q=" + enc("公交 ".repeat(3000))).statusCode()).as("longer than a request line may be")
                .isEqualTo(400);
        assertThat(page("/data/datasets?q=" + enc("a b c d e f g h i j k l m n o p q r s t u v w x y z ".repeat(40)))
                .statusCode()).isIn(200, 400);
        assertThat(page("/data/datasets?q=" + enc("AND OR NOT * ? ~ \" ( ) [ ] { } : ^ \\ /")).statusCode()).isEqualTo(200);
        assertThat(page("/data/datasets?page=abc").statusCode()).isEqualTo(200);
        assertThat(page("/data/datasets?page=-3").statusCode()).isEqualTo(200);
        assertThat(page("/data/datasets?page=99999999999999").statusCode()).isEqualTo(200);
        assertThat(page("/data/datasets?page=100000").statusCode()).isEqualTo(400);
        assertThat(page("/data/datasets?publisher=" + enc("x".repeat(5000))).statusCode()).isEqualTo(200);
        assertThat(page("/data/datasets/" + enc("../../etc/passwd")).statusCode()).isIn(400, 404);
        assertThat(page("/data/datasets/" + enc("<script>")).statusCode()).isEqualTo(404);
        assertThat(page("/data/open-list.csv?theme=" + enc("=cmd|' /C calc'!A0")).statusCode()).isEqualTo(200);
        assertThat(page("/data/datasets?q=%E4%B8").statusCode()).isIn(200, 400);
        assertThat(page("/data/datasets").body()).doesNotContain("Exception");
    }
}
