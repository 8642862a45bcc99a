package org.commonweal.opendata;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.commonweal.identity.Accounts;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the application holding the demo city's 32 datasets (26 public). */
abstract class OpenDataTestSupport {

    static final int DEMO_DATASETS = 32;
    static final int DEMO_PUBLIC = 26;
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Organisations organisations;
    @Autowired
    Datasets datasets;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void demoPortalIsPublished() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM opendata_dataset WHERE name LIKE 'qinghe-%'").query(Long.class).single() >= DEMO_DATASETS
                && jdbc.sql("SELECT count(*) FROM opendata_resource r JOIN opendata_dataset d ON d.id = r.dataset_id"
                + " WHERE d.name = 'qinghe-holiday-calendar'").query(Long.class).single() == 1);
        // the index follows each commit a moment later
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> json(get("/api/3/action/package_search?rows=0"))
                .get("result").get("count").asLong() == jdbc.sql("SELECT count(*) FROM opendata_dataset WHERE "
                + org.commonweal.opendata.internal.DatasetStore.PUBLIC).query(Long.class).single());
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    Organisation department(String code) {
        return organisations.departments().stream().filter(o -> o.identifier().memberCode().equals(code)).findFirst()
                .orElseThrow();
    }

    /** A member of a department's staff, as the services see them. */
    CommonwealUser staffOf(String code) {
        return new CommonwealUser(UUID.randomUUID(), "staff", department(code).id(), Set.of(Role.STAFF), false);
    }

    static CommonwealUser platformAdmin() {
        return new CommonwealUser(Accounts.SYSTEM, "system", null, Set.of(Role.PLATFORM_ADMIN), false);
    }
}
