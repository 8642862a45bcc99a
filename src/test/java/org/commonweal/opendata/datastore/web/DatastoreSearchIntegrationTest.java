package org.commonweal.opendata.datastore.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import java.util.UUID;

import org.commonweal.opendata.datastore.Datastore;
import org.commonweal.opendata.datastore.LoadProgress;
import org.commonweal.opendata.datastore.OpenResourcesForTests;
import org.commonweal.opendata.datastore.TestFiles;
import org.commonweal.support.CommonwealIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** CKAN's datastore_search and the downloads over real HTTP, against tables loaded into a real PostgreSQL. */
@CommonwealIntegrationTest
@Import(OpenResourcesForTests.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatastoreSearchIntegrationTest {

    private static final String SEARCH = "/api/3/action/datastore_search";
    static final int ROWS = 250;
    static final String[] DISTRICTS = {"东城", "西城", "南城", "北城", "中心"};

    @LocalServerPort
    int port;
    @Autowired
    Datastore datastore;

    final HttpClient http = HttpClient.newHttpClient();
    final UUID resource = UUID.randomUUID();

    @BeforeAll
    void loadTheFixture() {
        StringBuilder csv = new StringBuilder("区,类别,金额,日期,备注\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append(DISTRICTS[i % 5]).append(',').append(i % 2 == 0 ? "道路" : "供水").append(',')
                    .append(i * 10 - 5).append(',').append(String.format("2026-%02d-%02d", 1 + i % 12, 1 + i % 28)).append(',')
                    .append(i == 7 ? "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"点击\"\")\"" : i == 8 ? "-2+3" : "第" + i + "行").append('\n');
        }
        datastore.load(resource, TestFiles.utf8(csv.toString()), "fixture.csv", LoadProgress.NONE);
        datastore.load(OpenResourcesForTests.CLOSED, TestFiles.utf8("a\n1\n"), "closed.csv", LoadProgress.NONE);
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).GET().build());
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<byte[]> download(String pathAndQuery) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    String search(String parameters) {
        return SEARCH + "?resource_id=" + resource + (parameters.isEmpty() ? "" : "&" + parameters);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    /** A CKAN Validation Error (409) naming the parameter at fault. */
    static void assertValidationError(HttpResponse<String> response, String parameter) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        JsonNode body = json(response);
        assertThat(body.get("success").booleanValue()).isFalse();
        assertThat(body.get("help").asString()).endsWith("/api/3/action/help_show?name=datastore_search");
        assertThat(body.at("/error/__type").asString()).isEqualTo("Validation Error");
        assertThat(body.at("/error/" + parameter).isArray()).as(response.body()).isTrue();
        assertThat(body.at("/error/" + parameter + "/0").asString()).isNotBlank();
    }

    @Nested
    class Searching {

        @Test
        void answersWithCkansEnvelopeFieldsRecordsTotalAndLinks() {
            HttpResponse<String> response = get(search(""));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            JsonNode body = json(response);
            assertThat(body.get("success").booleanValue()).isTrue();
            assertThat(body.get("help").asString()).endsWith("/api/3/action/help_show?name=datastore_search");
            JsonNode result = body.get("result");
            assertThat(result.get("resource_id").asString()).isEqualTo(resource.toString());
            assertThat(result.at("/fields/0/id").asString()).isEqualTo("_id");
            assertThat(result.at("/fields/0/type").asString()).isEqualTo("int");
            assertThat(result.at("/fields/1/id").asString()).isEqualTo("区");
            assertThat(result.at("/fields/1/type").asString()).isEqualTo("text");
            assertThat(result.at("/fields/3/type").asString()).isEqualTo("int");
            assertThat(result.at("/fields/4/type").asString()).isEqualTo("date");
            assertThat(result.get("records").size()).isEqualTo(100);
            assertThat(result.at("/records/0/_id").asLong()).isEqualTo(1);
            assertThat(result.at("/records/0/金额").isNumber()).isTrue();
            assertThat(result.at("/records/0/日期").asString()).isEqualTo("2026-02-02");
            assertThat(result.get("total").asLong()).isEqualTo(ROWS);
            assertThat(result.get("limit").asInt()).isEqualTo(100);
            assertThat(result.get("offset").asLong()).isZero();
            assertThat(result.at("/_links/start").asString()).isEqualTo(SEARCH + "?resource_id=" + resource);
            assertThat(result.at("/_links/next").asString()).isEqualTo(SEARCH + "?resource_id=" + resource + "&offset=100");
        }

        @Test
        void filtersSortsPagesAndChoosesFields() {
            HttpResponse<String> response = get(search("filters=" + encode("{\"区\": \"东城\", \"类别\": [\"道路\", \"供水\"]}")
                    + "&sort=" + encode("金额 desc") + "&fields=" + encode("_id,金额,区") + "&limit=3&offset=2"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode result = json(response).get("result");
            assertThat(result.get("total").asLong()).isEqualTo(50);
            assertThat(result.get("fields").size()).isEqualTo(3);
            assertThat(result.at("/fields/1/id").asString()).isEqualTo("金额");
            assertThat(result.get("records").size()).isEqualTo(3);
            // 东城 rows are i = 5, 10, ..., 250: amounts 2495, 2445, 2395, 2345, ...
            assertThat(result.at("/records/0/金额").asLong()).isEqualTo(2395);
            assertThat(result.at("/records/2/金额").asLong()).isEqualTo(2295);
            assertThat(result.at("/records/0").propertyNames()).containsExactly("_id", "金额", "区");
            assertThat(result.get("filters").get("区").asString()).isEqualTo("东城");
            assertThat(result.at("/_links/next").asString()).contains("offset=5");
        }

        @Test
        void filtersOnRangesOfNumbersAndDates() {
            JsonNode result = json(get(search("filters=" + encode("{\"金额\": {\"gte\": 100, \"lt\": 200}}")))).get("result");
            assertThat(result.get("total").asLong()).isEqualTo(10);
            JsonNode dates = json(get(search("filters=" + encode("{\"日期\": {\"gte\": \"2026-03-01\", \"lte\": \"2026-03-31\"}}")
                    + "&sort=" + encode("日期, _id desc")))).get("result");
            assertThat(dates.get("total").asLong()).isEqualTo(21);
            assertThat(dates.at("/records/0/日期").asString()).startsWith("2026-03-");
        }

        @Test
        void searchesTheWholeRowForEveryWord() {
            JsonNode result = json(get(search("q=" + encode("第13行 东城")))).get("result");
            assertThat(result.get("total").asLong()).isZero();
            result = json(get(search("q=" + encode("第12行 南城")))).get("result");
            assertThat(result.get("total").asLong()).isEqualTo(1);
            assertThat(result.at("/records/0/_id").asLong()).isEqualTo(12);
            assertThat(result.get("q").asString()).isEqualTo("第12行 南城");
        }

        @Test
        void acceptsAJsonBodyAndCkansShorterPath() {
            HttpResponse<String> response = post("/api/action/datastore_search", """
                    {"resource_id": "%s", "filters": {"区": "西城"}, "sort": "金额 desc", "fields": ["金额"], "limit": 2}
                    """.formatted(resource));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode result = json(response).get("result");
            assertThat(result.get("total").asLong()).isEqualTo(50);
            assertThat(result.at("/records/0/金额").asLong()).isEqualTo(2455);
            assertThat(result.at("/_links/start").asString()).startsWith("/api/action/datastore_search?");
        }

        @Test
        void returnsRecordsAsListsWhenAsked() {
            JsonNode result = json(get(search("records_format=lists&limit=1&fields=" + encode("_id,区")))).get("result");
            assertThat(result.at("/records/0/0").asLong()).isEqualTo(1);
            assertThat(result.at("/records/0/1").asString()).isEqualTo("西城");
        }

        @Test
        void leavesOutTheTotalWhenNotWanted() {
            JsonNode result = json(get(search("include_total=false"))).get("result");
            assertThat(result.has("total")).isFalse();
        }

        @Test
        void lowersALimitOverTheMaximumAsCkanDoes() {
            JsonNode result = json(get(search("limit=50000"))).get("result");
            assertThat(result.get("limit").asInt()).isEqualTo(32000);
            assertThat(result.get("records").size()).isEqualTo(ROWS);
        }
    }

    @Nested
    class Refusing {

        @Test
        void refusesUnknownColumnsInFiltersSortAndFields() {
            assertValidationError(get(search("filters=" + encode("{\"nope\": \"x\"}"))), "filters");
            assertValidationError(get(search("sort=nope")), "sort");
            assertValidationError(get(search("fields=" + encode("区,nope"))), "fields");
            assertThat(json(get(search("sort=nope"))).at("/error/sort/0").asString()).isEqualTo("field \"nope\" not in table");
        }

        @Test
        void treatsSqlInValuesAsValuesAndInNamesAsUnknownNames() {
            HttpResponse<String> value = get(search("filters=" + encode("{\"区\": \"x'; DROP TABLE datastore_table; --\"}")));
            assertThat(value.statusCode()).isEqualTo(200);
            assertThat(json(value).at("/result/total").asLong()).isZero();
            assertValidationError(get(search("filters=" + encode("{\"金额\": \"1 OR 1=1\"}"))), "filters");
            assertValidationError(get(search("filters=" + encode("{\"name; DROP TABLE datastore_table\": \"x\"}"))), "filters");
            assertValidationError(get(search("sort=" + encode("金额; DROP TABLE datastore_table"))), "sort");
            assertValidationError(get(search("sort=" + encode("金额 desc nulls first"))), "sort");
            assertValidationError(get(search("fields=" + encode("(SELECT 1)"))), "fields");
            assertValidationError(get(search("q=" + encode("x") + "&sort=" + encode("\"金额\") --"))), "sort");
            assertThat(json(get(search(""))).at("/result/total").asLong()).as("the table is still there").isEqualTo(ROWS);
        }

        @Test
        void refusesBadPaging() {
            assertValidationError(get(search("offset=-1")), "offset");
            assertValidationError(get(search("limit=-5")), "limit");
            assertValidationError(get(search("limit=ten")), "limit");
            assertValidationError(get(search("limit=99999999999999999999")), "limit");
            assertValidationError(get(search("include_total=maybe")), "include_total");
        }

        @Test
        void refusesMalformedFilters() {
            assertValidationError(get(search("filters=" + encode("{\"区\": "))), "filters");
            assertThat(json(get(search("filters=" + encode("{")))).at("/error/filters/0").asString()).isEqualTo("Cannot parse JSON");
            assertValidationError(get(search("filters=" + encode("[\"区\"]"))), "filters");
            assertValidationError(get(search("filters=" + encode("{\"区\": {\"like\": \"%\"}}"))), "filters");
            assertValidationError(get(search("filters=" + encode("{\"区\": {\"a\": [1]}}"))), "filters");
            assertValidationError(get(search("filters=" + encode("{\"日期\": \"yesterday\"}"))), "filters");
            assertValidationError(post(SEARCH, "{\"resource_id\": \"" + resource + "\", \"filters\": \"not an object\"}"), "filters");
        }

        @Test
        void refusesAMissingResourceId() {
            assertValidationError(get(SEARCH), "resource_id");
            assertThat(json(get(SEARCH)).at("/error/resource_id/0").asString()).isEqualTo("Missing value");
        }

        @Test
        void answersUnknownUnreadableAndMalformedResourcesWithNotFound() {
            for (String id : List.of(UUID.randomUUID().toString(), OpenResourcesForTests.CLOSED.toString(), "../../etc/passwd", "1 OR 1=1")) {
                HttpResponse<String> response = get(SEARCH + "?resource_id=" + encode(id));
                assertThat(response.statusCode()).isEqualTo(404);
                JsonNode body = json(response);
                assertThat(body.get("success").booleanValue()).isFalse();
                assertThat(body.at("/error/__type").asString()).isEqualTo("Not Found Error");
                assertThat(body.at("/error/message").asString()).isEqualTo("Not found: Resource \"" + id + "\" was not found.");
            }
        }

        @Test
        void answersAnUnreadableBodyWithBadRequest() {
            for (String body : List.of("{", "[1, 2]", "\"text\"", "{\"resource_id\": ")) {
                HttpResponse<String> response = post(SEARCH, body);
                assertThat(response.statusCode()).as(body).isEqualTo(400);
                assertThat(json(response).get("success").booleanValue()).isFalse();
            }
        }

        @Test
        void neverAnswersWithAServerError() {
            for (String query : List.of("filters=%FF%FE", "q=%C0%AF", "q=%00", "sort=%00", "fields=" + "a,".repeat(3000), "limit=1e3",
                    "filters=" + encode("{\"区\": [" + "\"x\",".repeat(1500) + "\"y\"]}"), "q=" + encode("词 ".repeat(50)),
                    "filters=" + encode("{\"区\": null}"), "sort=" + encode("\""), "records_format=csv", "distinct=true")) {
                HttpResponse<String> response = get(search(query));
                assertThat(response.statusCode()).as(query).isBetween(200, 499);
                assertThat(response.body()).doesNotContain("Exception").doesNotContain("SQL");
            }
        }
    }

    @Nested
    class Downloading {

        @Test
        void downloadsFilteredSortedCsvForExcel() {
            HttpResponse<byte[]> response = download("/data/datastore/" + resource + ".csv?filters="
                    + encode("{\"_id\": [7, 8, 9]}") + "&sort=" + encode("_id desc") + "&fields=" + encode("_id,区,金额,备注"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
            assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"" + resource + ".csv\"");
            byte[] body = response.body();
            assertThat(new byte[]{body[0], body[1], body[2]}).as("UTF-8 byte-order mark").containsExactly(0xEF, 0xBB, 0xBF);
            String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
            assertThat(text).isEqualTo("_id,区,金额,备注\r\n"
                    + "9,中心,85,第9行\r\n"
                    + "8,北城,75,'-2+3\r\n"
                    + "7,南城,65,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点击\"\")\"\r\n");
        }

        @Test
        void downloadsTheWholeTableAsJson() {
            HttpResponse<byte[]> response = download("/data/datastore/" + resource + ".json");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = JsonMapper.shared().readTree(response.body());
            assertThat(body.at("/fields/0/id").asString()).isEqualTo("_id");
            assertThat(body.get("records").size()).isEqualTo(ROWS);
            assertThat(body.at("/records/6/5").asString()).startsWith("=HYPERLINK");
            assertThat(body.at("/records/0/3").asLong()).isEqualTo(5);
        }

        @Test
        void refusesBadDownloadsWithProblemDetails() {
            assertThat(download("/data/datastore/" + resource + ".csv?q=%FF").statusCode()).isEqualTo(400);
            HttpResponse<byte[]> unknown = download("/data/datastore/" + resource + ".csv?sort=nope");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("\"code\":\"unknown_column\"");
            for (String id : List.of(UUID.randomUUID().toString(), OpenResourcesForTests.CLOSED.toString(), "not-a-uuid")) {
                HttpResponse<byte[]> missing = download("/data/datastore/" + id + ".json");
                assertThat(missing.statusCode()).as(id).isEqualTo(404);
                assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains("\"code\":\"resource_not_loaded\"");
            }
        }
    }

}
