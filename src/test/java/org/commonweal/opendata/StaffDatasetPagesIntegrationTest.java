package org.commonweal.opendata;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Department staff publish with plain forms over real HTTP, without JavaScript. */
@CommonwealIntegrationTest
class StaffDatasetPagesIntegrationTest extends OpenDataTestSupport {

    private WebSession staff(String username) {
        return WebSession.signedIn(port, username, CommonwealIntegrationTest.DEMO_PASSWORD);
    }

    private static Map<String, String> fields(String name, String titleZh) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("titleZh", titleZh);
        f.put("titleEn", "Bus shelters");
        f.put("descriptionZh", "公交候车亭位置。");
        f.put("descriptionEn", "Where the bus shelters are.");
        f.put("theme", "TRAN");
        f.put("keywords", "公交，候车亭, shelters");
        f.put("licence", "cc-by");
        f.put("contactName", "交通局数据科");
        f.put("contactEmail", "data@transport.qinghe.example.gov.cn");
        f.put("temporalStart", "2025-01-01");
        f.put("temporalEnd", "");
        f.put("spatial", "LINJIANG");
        f.put("frequency", "MONTHLY");
        f.put("openLevel", "unconditional");
        f.put("catalogueCode", "");
        return f;
    }

    @Test
    void staffListCreateAndUploadWithoutJavaScript() {
        WebSession session = staff("staff.transport");
        HttpResponse<String> list = session.get("/department/datasets");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("清河市公交站点", "出租车运营轨迹");

        HttpResponse<String> missing = session.post("/department/datasets/new", fields("bus-shelters", ""));
        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(missing.body()).contains("error-summary", "href=\"#titleZh\"");

        Map<String, String> ok = fields("bus-shelters", "公交候车亭");
        ok.put("publish", "true");
        HttpResponse<String> created = session.post("/department/datasets/new", ok);
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElse("")).contains("/department/datasets/bus-shelters");
        Dataset dataset = datasets.findByName("bus-shelters").orElseThrow();
        assertThat(dataset.isPublic()).isTrue();
        assertThat(dataset.keywords()).containsExactly("公交", "候车亭", "shelters");

        HttpResponse<String> refused = session.postMultipart("/department/datasets/bus-shelters/files", Map.of("resourceName", "候车亭"),
                "file", "shelters.csv", "text/csv", "code,name\nS1,临江站\nS2,望山站,extra\n".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Line 3", "没有保存");
        assertThat(datasets.findByName("bus-shelters").orElseThrow().resources()).isEmpty();

        HttpResponse<String> added = session.postMultipart("/department/datasets/bus-shelters/files", Map.of("resourceName", "候车亭"),
                "file", "shelters.csv", "text/csv", "code,name\nS1,临江站\nS2,望山站\n".getBytes(StandardCharsets.UTF_8));
        assertThat(added.body()).contains("文件已添加");
        assertThat(datasets.findByName("bus-shelters").orElseThrow().resources()).hasSize(1);

        HttpResponse<String> edit = session.get("/department/datasets/bus-shelters");
        assertThat(edit.body()).contains("候车亭", "name=\"version\"");
    }

    @Test
    void otherDepartmentsAndCitizensCannotReachIt() {
        assertThat(staff("staff.housing").get("/department/datasets/qinghe-bus-stops").statusCode()).isEqualTo(404);
        assertThat(staff("citizen.liu").get("/department/datasets").statusCode()).isEqualTo(403);
    }
}
