package org.commonweal.opendata;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.commonweal.identity.ApiTokens;
import org.commonweal.support.CommonwealIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A department's system publishes over the JSON API with its token: describe, change, publish,
 * upload (CSV into the datastore, refused files leave nothing behind), link; others cannot touch it.
 */
@CommonwealIntegrationTest
class PublishingIntegrationTest extends OpenDataTestSupport {

    @Autowired
    ApiTokens tokens;
    @Autowired
    OpenDataSettings settings;

    String transport;
    String housing;

    @BeforeEach
    void tokens() {
        transport = "Bearer " + tokens.issue(department("TRANSPORT").id(), "publishing", account("admin.transport")).secret();
        housing = "Bearer " + tokens.issue(department("HOUSING").id(), "publishing", account("admin.transport")).secret();
    }

    private UUID account(String username) {
        return jdbc.sql("SELECT id FROM identity_account WHERE username = ?").param(username).query(UUID.class).single();
    }

    private static String body(String name, String openLevel, boolean publish) {
        return """
                {"publish": %s, "dataset": {"name": "%s", "titleZh": "出租车巡游车辆数", "titleEn": "Taxi fleet size",
                 "descriptionZh": "各区巡游出租车辆数。", "descriptionEn": "Taxis per district.", "theme": "TRAN",
                 "keywords": ["出租车", "taxi"], "licence": "cc-by", "contactName": "交通局数据科",
                 "contactEmail": "data@transport.qinghe.example.gov.cn", "temporalStart": "2025-01-01",
                 "frequency": "MONTHLY", "openLevel": "%s", "catalogueCode": "QH-TRANSPORT-0099"}}
                """.formatted(publish, name, openLevel);
    }

    private HttpResponse<String> create(String name, String openLevel, boolean publish, String token) {
        return post("/api/v1/opendata/datasets", "application/json", body(name, openLevel, publish), "Authorization", token);
    }

    private HttpResponse<String> upload(String dataset, String fileName, byte[] content, String token) {
        String boundary = "b-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n数据文件\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/opendata/datasets/" + dataset + "/resources"))
                .header("Authorization", token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    private long evidence(String type, String subject) {
        return jdbc.sql("SELECT count(*) FROM (SELECT type, subject FROM ledger_pending UNION ALL"
                + " SELECT type, subject FROM ledger_entry) e WHERE type = ? AND subject = ?")
                .params(type, subject).query(Long.class).single();
    }

    private long storedFiles() throws Exception {
        Path root = settings.files();
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Nested
    class Describing {

        @Test
        void publishedDatasetIsSearchableAtOnceWithEvidence() {
            HttpResponse<String> created = create("taxi-fleet-size", "unconditional", true, transport);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(json(created).get("state").asString()).isEqualTo("published");
            assertThat(evidence("opendata.dataset_published", "dataset:taxi-fleet-size")).isEqualTo(1);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> json(get("/api/3/action/package_search?q="
                    + enc("巡游出租车") + "&fq=" + enc("name:taxi-fleet-size"))).get("result").get("count").asLong() == 1);
            JsonNode shown = json(get("/api/3/action/package_show?id=taxi-fleet-size")).get("result");
            assertThat(shown.get("organization").get("name").asString()).isEqualTo("transport");
        }

        @Test
        void draftStaysPrivateUntilPublished() {
            assertThat(create("taxi-draft", "unconditional", false, transport).statusCode()).isEqualTo(201);
            assertThat(get("/api/3/action/package_show?id=taxi-draft").statusCode()).isEqualTo(404);
            assertThat(post("/api/v1/opendata/datasets/taxi-draft/publish", "application/json", "", "Authorization", transport)
                    .statusCode()).isEqualTo(200);
            assertThat(get("/api/3/action/package_show?id=taxi-draft").statusCode()).isEqualTo(200);
            assertThat(post("/api/v1/opendata/datasets/taxi-draft/withdraw", "application/json", "", "Authorization", transport)
                    .statusCode()).isEqualTo(200);
            assertThat(get("/api/3/action/package_show?id=taxi-draft").statusCode()).isEqualTo(404);
            assertThat(evidence("opendata.dataset_withdrawn", "dataset:taxi-draft")).isEqualTo(1);
        }

        @Test
        void notOpenDatasetIsRecordedUnderItsOpaqueId() {
            HttpResponse<String> created = create("taxi-internal", "not_open", true, transport);
            String id = json(created).get("id").asString();
            assertThat(evidence("opendata.dataset_published", "dataset:" + id)).isEqualTo(1);
            assertThat(evidence("opendata.dataset_published", "dataset:taxi-internal")).isZero();
            assertThat(get("/api/3/action/package_show?id=taxi-internal").statusCode()).isEqualTo(404);
            assertThat(get("/catalog.ttl").body()).doesNotContain("taxi-internal");
        }

        @Test
        void refusesBadFieldsNamingTheField() {
            JsonNode badName = json(create("Taxi Fleet!", "unconditional", true, transport));
            assertThat(badName.get("code").asString()).isEqualTo("name_invalid");
            assertThat(json(create("x", "unconditional", true, transport)).get("code").asString()).isEqualTo("name_invalid");
            JsonNode badLevel = json(create("taxi-bad-level", "sometimes", true, transport));
            assertThat(badLevel.get("code").asString()).isEqualTo("field_invalid");
            assertThat(badLevel.get("detail").asString()).contains("open_level");
            HttpResponse<String> sql = create("taxi'; drop table opendata_dataset; --", "unconditional", true, transport);
            assertThat(sql.statusCode()).isEqualTo(400);
            HttpResponse<String> malformed = post("/api/v1/opendata/datasets", "application/json", "{\"dataset\": ",
                    "Authorization", transport);
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(json(malformed).get("code").asString()).isEqualTo("malformed_body");
        }

        @Test
        void duplicateNamesAndStaleVersionsAreConflicts() {
            assertThat(create("taxi-twice", "unconditional", true, transport).statusCode()).isEqualTo(201);
            HttpResponse<String> again = create("taxi-twice", "unconditional", true, transport);
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(json(again).get("code").asString()).isEqualTo("name_taken");
            String change = "{\"version\": %d, \"dataset\": " + body("taxi-twice", "conditional", true)
                    .replaceFirst("(?s)^\\s*\\{\"publish\": true, \"dataset\": ", "").replaceFirst("}\\s*$", "") + "}";
            HttpResponse<String> first = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/v1/opendata/datasets/taxi-twice")).header("Authorization", transport)
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(change.formatted(0))).build());
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(json(first).get("openLevel").asString()).isEqualTo("conditional");
            HttpResponse<String> stale = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/v1/opendata/datasets/taxi-twice")).header("Authorization", transport)
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(change.formatted(0))).build());
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(json(stale).get("code").asString()).isEqualTo("stale_version");
        }

        @Test
        void anotherDepartmentCannotTouchIt() {
            create("taxi-owned", "unconditional", false, transport);
            HttpResponse<String> other = post("/api/v1/opendata/datasets/taxi-owned/publish", "application/json", "",
                    "Authorization", housing);
            assertThat(other.statusCode()).isEqualTo(404);
            assertThat(get("/api/v1/opendata/datasets/taxi-owned", "Authorization", housing).statusCode()).isEqualTo(404);
            assertThat(get("/api/v1/opendata/datasets/taxi-owned").statusCode()).isEqualTo(401);
            assertThat(post("/api/v1/opendata/reindex", "application/json", "", "Authorization", transport).statusCode())
                    .isEqualTo(403);
        }
    }

    @Nested
    class Resources {

        @Test
        void csvIsLoadedIntoTheDatastoreAndSearchableThroughCkan() {
            create("taxi-fleet-csv", "unconditional", true, transport);
            byte[] csv = "district,taxis\n临江区,1200\n望山区,860\n".getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> uploaded = upload("taxi-fleet-csv", "../../etc/taxis.csv", csv, transport);
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
            String resourceId = json(uploaded).get("id").asString();
            JsonNode search = json(get("/api/3/action/datastore_search?resource_id=" + resourceId));
            assertThat(search.get("success").asBoolean()).as(search.toString()).isTrue();
            assertThat(search.get("result").get("records").size()).isEqualTo(2);
            // the action dispatcher leaves datastore_search to the datastore under both prefixes
            JsonNode viaAlias = json(post("/api/action/datastore_search", "application/json",
                    "{\"resource_id\": \"" + resourceId + "\"}"));
            assertThat(viaAlias.get("success").asBoolean()).as(viaAlias.toString()).isTrue();
            HttpResponse<String> download = get("/data/resources/" + resourceId + "/download");
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(new String(csv, StandardCharsets.UTF_8));
            assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("taxis.csv")
                    .doesNotContain("..");
            assertThat(evidence("opendata.resource_added", "dataset:taxi-fleet-csv")).isEqualTo(1);
            JsonNode resource = json(get("/api/3/action/resource_show?id=" + resourceId)).get("result");
            assertThat(resource.get("datastore_active").asBoolean()).isTrue();
        }

        @Test
        void badFileIsRefusedWithItsLineAndLeavesNothing() throws Exception {
            create("taxi-ragged", "unconditional", true, transport);
            long filesBefore = storedFiles();
            byte[] ragged = "district,taxis\n临江区,1200\n望山区,860,extra,fields\n".getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> refused = upload("taxi-ragged", "taxis.csv", ragged, transport);
            assertThat(refused.statusCode()).isBetween(400, 499);
            assertThat(json(refused).get("detail").asString()).contains("Line 3");
            assertThat(json(get("/api/v1/opendata/datasets/taxi-ragged", "Authorization", transport)).get("resources")).isEmpty();
            assertThat(storedFiles()).isEqualTo(filesBefore);
            assertThat(evidence("opendata.resource_added", "dataset:taxi-ragged")).isZero();

            HttpResponse<String> badJson = upload("taxi-ragged", "taxis.json", "{\"a\": [1, 2,\n  }".getBytes(StandardCharsets.UTF_8), transport);
            assertThat(badJson.statusCode()).isEqualTo(422);
            assertThat(json(badJson).get("detail").asString()).contains("line 2");
            HttpResponse<String> exe = upload("taxi-ragged", "run.exe", new byte[]{'M', 'Z', 0, 0}, transport);
            assertThat(exe.statusCode()).isEqualTo(415);
            HttpResponse<String> empty = upload("taxi-ragged", "empty.csv", new byte[0], transport);
            assertThat(json(empty).get("code").asString()).isEqualTo("file_empty");
            assertThat(storedFiles()).isEqualTo(filesBefore);
        }

        @Test
        void conditionalDataIsReadOnlyByItsDepartment() {
            create("taxi-conditional", "conditional", true, transport);
            String resourceId = json(upload("taxi-conditional", "taxis.csv",
                    "district,taxis\n临江区,1200\n".getBytes(StandardCharsets.UTF_8), transport)).get("id").asString();
            assertThat(get("/api/3/action/package_show?id=taxi-conditional").statusCode()).isEqualTo(200);
            assertThat(get("/data/resources/" + resourceId + "/download").statusCode()).isEqualTo(404);
            assertThat(json(get("/api/3/action/datastore_search?resource_id=" + resourceId)).get("success").asBoolean()).isFalse();
            Dataset dataset = datasets.findByName("taxi-conditional").orElseThrow();
            assertThat(datasets.mayReadData(dataset, staffOf("TRANSPORT"))).isTrue();
            assertThat(datasets.mayReadData(dataset, staffOf("HOUSING"))).isFalse();
            assertThat(get("/data/resources/" + resourceId + "/download", "Authorization", housing).statusCode()).isEqualTo(404);
        }

        @Test
        void linksMustBeWebAddresses() {
            create("taxi-links", "unconditional", true, transport);
            HttpResponse<String> ok = post("/api/v1/opendata/datasets/taxi-links/resources", "application/json",
                    "{\"name\": \"实时接口\", \"url\": \"https://api.example.gov.cn/taxi\", \"format\": \"api\"}",
                    "Authorization", transport);
            assertThat(ok.statusCode()).isEqualTo(201);
            for (String url : new String[]{"javascript:alert(1)", "file:///etc/passwd", "not a url", ""}) {
                HttpResponse<String> bad = post("/api/v1/opendata/datasets/taxi-links/resources", "application/json",
                        "{\"name\": \"x\", \"url\": \"" + url + "\", \"format\": \"API\"}", "Authorization", transport);
                assertThat(json(bad).get("code").asString()).as(url).isEqualTo("url_invalid");
            }
        }
    }
}
