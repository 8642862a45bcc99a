package org.commonweal.opendata;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.commonweal.identity.ApiTokens;
import org.commonweal.opendata.internal.DatasetStore;
import org.commonweal.support.CommonwealIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** CKAN's Action API v3 over real HTTP, as the tools that harvest CKAN portals call it. */
@CommonwealIntegrationTest
class CkanApiIntegrationTest extends OpenDataTestSupport {

    @Autowired
    ApiTokens tokens;

    private List<String> publicNames() {
        return jdbc.sql("SELECT name FROM opendata_dataset WHERE " + DatasetStore.PUBLIC + " ORDER BY name")
                .query(String.class).list();
    }

    /** Public datasets matching a condition, counted in the database: other tests add datasets to it too. */
    private int publicCount(String condition, Object... parameters) {
        return jdbc.sql("SELECT count(*) FROM opendata_dataset WHERE " + DatasetStore.PUBLIC + " AND " + condition)
                .params(parameters).query(Integer.class).single();
    }

    private static final String OF_TRANSPORT =
            "publisher_id = (SELECT id FROM identity_organisation WHERE member_code = 'TRANSPORT')";

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = json(response);
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("help").asString()).contains("/api/3/action/help_show?name=");
        return body.get("result");
    }

    private JsonNode failed(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("error").get("__type").asString()).isEqualTo(type);
        return body.get("error");
    }

    @Nested
    class Flows {

        @Test
        void ckanapiDumpListsEveryPublicDatasetAndShowsEachOne() {
            JsonNode names = ok(get("/api/3/action/package_list"));
            List<String> listed = new ArrayList<>();
            names.forEach(n -> listed.add(n.asString()));
            assertThat(listed).isEqualTo(publicNames()).hasSizeGreaterThanOrEqualTo(DEMO_PUBLIC)
                    .doesNotContain("qinghe-taxi-trips", "qinghe-medical-records", "qinghe-open-data-draft");
            for (String name : listed) {
                JsonNode p = ok(post("/api/3/action/package_show", "application/json", "{\"id\": \"" + name + "\"}"));
                assertThat(p.get("name").asString()).isEqualTo(name);
                assertThat(p.get("type").asString()).isEqualTo("dataset");
                assertThat(p.get("state").asString()).isEqualTo("active");
                assertThat(p.get("private").asBoolean()).isFalse();
                assertThat(p.get("num_resources").asInt()).isEqualTo(p.get("resources").size());
                assertThat(p.get("num_tags").asInt()).isEqualTo(p.get("tags").size());
                assertThat(p.get("organization").get("name").asString()).isNotBlank();
                assertThat(p.get("metadata_modified").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
                for (JsonNode r : p.get("resources")) {
                    assertThat(r.get("url").asString()).startsWith("http");
                    assertThat(r.get("package_id").asString()).isEqualTo(p.get("id").asString());
                }
            }
        }

        @Test
        void harvesterPagesByIdSinceAModificationDate() {
            Set<String> seen = new HashSet<>();
            List<String> ids = new ArrayList<>();
            String fq = enc("metadata_modified:[2026-01-01T00:00:00Z TO *]");
            long count = -1;
            for (int start = 0; ; start += 7) {
                JsonNode result = ok(get("/api/3/action/package_search?sort=" + enc("id asc") + "&fq=" + fq
                        + "&rows=7&start=" + start));
                count = result.get("count").asLong();
                if (result.get("results").isEmpty()) {
                    break;
                }
                result.get("results").forEach(p -> {
                    ids.add(p.get("id").asString());
                    assertThat(seen.add(p.get("name").asString())).isTrue();
                });
            }
            assertThat(count).isEqualTo(publicNames().size());
            assertThat(seen).containsExactlyInAnyOrderElementsOf(publicNames());
            assertThat(ids).isSorted();

            JsonNode future = ok(get("/api/3/action/package_search?fq=" + enc("metadata_modified:[2027-01-01T00:00:00Z TO *]")));
            assertThat(future.get("count").asLong()).isZero();
            assertThat(future.get("results")).isEmpty();
        }

        @Test
        void dataEuropaImporterReadsCountAndResultsPageByPage() {
            int total = -1;
            int read = 0;
            for (int start = 0; total < 0 || start < total; start += 10) {
                JsonNode result = ok(post("/api/action/package_search", "application/json",
                        "{\"rows\": 10, \"start\": " + start + "}"));
                total = result.get("count").asInt();
                read += result.get("results").size();
                assertThat(result.get("sort").asString()).isEqualTo("score desc, metadata_modified desc");
            }
            assertThat(read).isEqualTo(total).isEqualTo(publicNames().size());
        }
    }

    @Nested
    class Search {

        @Test
        void findsByChineseAndEnglishWordsWithFacets() {
            JsonNode zh = ok(get("/api/3/action/package_search?q=" + enc("公交") + "&facet.field="
                    + enc("[\"organization\",\"groups\",\"res_format\",\"tags\"]")));
            List<String> names = new ArrayList<>();
            zh.get("results").forEach(p -> names.add(p.get("name").asString()));
            assertThat(names).contains("qinghe-bus-stops", "qinghe-bus-routes", "qinghe-realtime-bus-api");
            assertThat(zh.get("facets").get("organization").get("transport").asInt()).isEqualTo(zh.get("count").asInt());
            assertThat(zh.get("facets").get("res_format").has("CSV")).isTrue();
            assertThat(zh.get("search_facets").get("organization").get("items").get(0).get("display_name").asString())
                    .isEqualTo("清河市交通运输局");

            JsonNode en = ok(get("/api/3/action/package_search?q=" + enc("air quality")));
            List<String> english = new ArrayList<>();
            en.get("results").forEach(p -> english.add(p.get("name").asString()));
            assertThat(english).contains("qinghe-air-quality-2025", "qinghe-air-stations");
        }

        @Test
        void filtersByFieldValuesAndExcludes() {
            JsonNode transport = ok(get("/api/3/action/package_search?rows=100&fq=" + enc("organization:transport res_format:CSV")));
            transport.get("results").forEach(p -> {
                assertThat(p.get("organization").get("name").asString()).isEqualTo("transport");
                assertThat(p.get("resources").valueStream().map(r -> r.get("format").asString())).contains("CSV");
            });
            assertThat(transport.get("count").asInt()).isEqualTo(publicCount(OF_TRANSPORT
                    + " AND EXISTS (SELECT FROM opendata_resource r WHERE r.dataset_id = opendata_dataset.id AND r.format = 'CSV')"));
            JsonNode notTransport = ok(get("/api/3/action/package_search?rows=0&fq=" + enc("-organization:transport")));
            JsonNode all = ok(get("/api/3/action/package_search?rows=0"));
            JsonNode transportAll = ok(get("/api/3/action/package_search?rows=0&fq=" + enc("+organization:transport")));
            assertThat(notTransport.get("count").asInt() + transportAll.get("count").asInt()).isEqualTo(all.get("count").asInt());
            JsonNode either = ok(get("/api/3/action/package_search?rows=0&fq=" + enc("groups:(transport OR health)")));
            JsonNode health = ok(get("/api/3/action/package_search?rows=0&fq=groups:health"));
            JsonNode tran = ok(get("/api/3/action/package_search?rows=0&fq=groups:transport"));
            assertThat(either.get("count").asInt()).isEqualTo(health.get("count").asInt() + tran.get("count").asInt());
            JsonNode tagged = ok(get("/api/3/action/package_search?fq=" + enc("tags:\"空气质量\"")));
            assertThat(tagged.get("count").asInt()).isEqualTo(publicCount("'空气质量' = ANY (keywords)")).isPositive();
        }

        @Test
        void sortsByNameAndModificationTime() {
            JsonNode byName = ok(get("/api/3/action/package_search?rows=1000&sort=" + enc("name desc")));
            List<String> names = new ArrayList<>();
            byName.get("results").forEach(p -> names.add(p.get("name").asString()));
            assertThat(names).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            JsonNode byTime = ok(get("/api/3/action/package_search?rows=1000&sort=" + enc("metadata_modified desc")));
            List<String> times = new ArrayList<>();
            byTime.get("results").forEach(p -> times.add(p.get("metadata_modified").asString()));
            assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }

        @Test
        void rowsAboveTheMaximumAreCutToOneThousand() {
            JsonNode result = ok(get("/api/3/action/package_search?rows=5000"));
            assertThat(result.get("results").size()).isEqualTo(result.get("count").asInt());
        }

        @Test
        void hostileQueriesFindNothingAndBreakNothing() {
            for (String q : List.of("<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "\u0000", "公交\"")) {
                JsonNode result = ok(get("/api/3/action/package_search?q=" + enc(q)));
                assertThat(result.get("count").asInt()).isLessThanOrEqualTo(publicNames().size());
            }
        }

        @Test
        void notOpenDatasetsNeverAppearExceptToTheirOwnStaff() {
            JsonNode anonymous = ok(get("/api/3/action/package_search?q=" + enc("出租车") + "&include_private=true"));
            assertThat(anonymous.get("count").asInt()).isZero();
            assertThat(json(get("/api/3/action/package_show?id=qinghe-taxi-trips")).get("success").asBoolean()).isFalse();
            UUID admin = jdbc.sql("SELECT id FROM identity_account WHERE username = 'admin.transport'").query(UUID.class).single();
            var token = tokens.issue(department("TRANSPORT").id(), "CKAN test", admin);
            JsonNode own = ok(get("/api/3/action/package_search?q=" + enc("出租车") + "&include_private=true",
                    "Authorization", "Bearer " + token.secret()));
            assertThat(own.get("count").asInt()).isEqualTo(1);
            assertThat(own.get("results").get(0).get("private").asBoolean()).isTrue();
            JsonNode othersNotOpen = ok(get("/api/3/action/package_search?q=" + enc("病历") + "&include_private=true",
                    "Authorization", "Bearer " + token.secret()));
            assertThat(othersNotOpen.get("count").asInt()).isZero();
        }
    }

    @Nested
    class OtherActions {

        @Test
        void organisationsGroupsTagsAndResources() {
            JsonNode orgs = ok(get("/api/3/action/organization_list"));
            assertThat(orgs.valueStream().map(JsonNode::asString)).contains("transport", "environment", "data");
            JsonNode full = ok(get("/api/3/action/organization_list?all_fields=true"));
            assertThat(full.get(0).get("package_count").isInt()).isTrue();
            JsonNode transport = ok(get("/api/3/action/organization_show?id=transport&include_datasets=true"));
            assertThat(transport.get("title").asString()).isEqualTo("清河市交通运输局");
            assertThat(transport.get("packages").size()).isEqualTo(transport.get("package_count").asInt())
                    .isEqualTo(publicCount(OF_TRANSPORT)).isPositive();
            JsonNode groups = ok(get("/api/3/action/group_list"));
            assertThat(groups.valueStream().map(JsonNode::asString)).contains("transport", "health", "environment");
            JsonNode group = ok(get("/api/3/action/group_show?id=environment"));
            assertThat(group.get("package_count").asInt()).isEqualTo(publicCount("theme = 'ENVI'")).isPositive();
            JsonNode tags = ok(get("/api/3/action/tag_list"));
            assertThat(tags.valueStream().map(JsonNode::asString)).contains("公交", "空气质量").doesNotContain("出租车", "低保");
            String resourceId = ok(get("/api/3/action/package_show?id=qinghe-bus-stops")).get("resources").get(0).get("id").asString();
            JsonNode resource = ok(get("/api/3/action/resource_show?id=" + resourceId));
            assertThat(resource.get("format").asString()).isEqualTo("CSV");
            assertThat(resource.get("url_type").asString()).isEqualTo("upload");
            assertThat(ok(get("/api/3/action/status_show")).get("ckan_version").asString()).startsWith("2.10");
            assertThat(ok(get("/api/3/action/help_show?name=package_search")).asString()).contains("rows");
            assertThat(ok(get("/api/3/action/current_package_list_with_resources?limit=3")).size()).isEqualTo(3);
        }
    }

    @Nested
    class Reindex {

        @Autowired
        org.commonweal.opendata.internal.SearchIndex index;

        @Test
        void rebuildsEveryDatasetFromTheDatabase() {
            long before = ok(get("/api/3/action/package_search?rows=0")).get("count").asLong();
            int indexed = index.reindex();
            assertThat((long) indexed).isEqualTo(jdbc.sql("SELECT count(*) FROM opendata_dataset").query(Long.class).single());
            assertThat(ok(get("/api/3/action/package_search?rows=0")).get("count").asLong()).isEqualTo(before);
            assertThat(ok(get("/api/3/action/package_search?rows=0&include_private=true")).get("count").asLong()).isEqualTo(before);
        }
    }

    @Nested
    class Errors {

        @Test
        void unknownActionIsCkansBareStringBadRequest() {
            HttpResponse<String> response = get("/api/3/action/package_delete_everything");
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).asString()).isEqualTo("Bad request - Action name not known: package_delete_everything");
        }

        @Test
        void unknownDatasetIsNotFound() {
            JsonNode error = failed(get("/api/3/action/package_show?id=no-such-dataset"), 404, "Not Found Error");
            assertThat(error.get("message").asString()).isEqualTo("Not found");
            failed(get("/api/3/action/resource_show?id=../../etc/passwd"), 404, "Not Found Error");
            failed(get("/api/3/action/organization_show?id=nobody"), 404, "Not Found Error");
        }

        @Test
        void missingIdIsAValidationError() {
            JsonNode error = failed(get("/api/3/action/package_show"), 409, "Validation Error");
            assertThat(error.get("id").get(0).asString()).isEqualTo("Missing value");
        }

        @Test
        void badRowsStartAndFacetsAreValidationErrors() {
            assertThat(failed(get("/api/3/action/package_search?rows=ten"), 409, "Validation Error").get("rows").get(0).asString())
                    .isEqualTo("Invalid integer");
            assertThat(failed(get("/api/3/action/package_search?start=-5"), 409, "Validation Error").get("start").get(0).asString())
                    .isEqualTo("Must be a natural number");
            assertThat(failed(get("/api/3/action/package_search?facet.field=" + enc("[organization")), 409, "Validation Error")
                    .get("facet.field").get(0).asString()).isEqualTo("Could not parse as valid JSON");
        }

        @Test
        void aStartFarPastTheEndAnswersAnEmptyPageNotAnOutOfMemoryError() {
            for (String start : List.of("2000000000", "2147483600")) {
                JsonNode result = ok(get("/api/3/action/package_search?rows=1000&start=" + start));
                assertThat(result.get("results")).as(start).isEmpty();
                assertThat(result.get("count").asLong()).as(start).isPositive();
            }
        }

        @Test
        void badSortIsASearchQueryError() {
            for (String sort : List.of("bogus asc", "name", "name sideways", "name asc,", "'; DROP TABLE opendata_dataset; --")) {
                JsonNode error = failed(get("/api/3/action/package_search?sort=" + enc(sort)), 400, "Search Query Error");
                assertThat(error.get("message").asString()).contains("Invalid \"sort\" parameter");
            }
        }

        @Test
        void malformedFilterIsASearchError() {
            for (String fq : List.of("metadata_modified:[yesterday TO *]", "metadata_modified:[2026-01-01 TO *]",
                    "organization:(transport", "nosuchfield:x", "tags:\"unterminated", "metadata_modified:[* TO", "OR",
                    "organization:")) {
                failed(get("/api/3/action/package_search?fq=" + enc(fq)), 409, "Search Error");
            }
            assertThat(jdbc.sql("SELECT count(*) FROM opendata_dataset").query(Long.class).single()).isGreaterThan(0);
        }

        @Test
        void badBodiesAreBareStringBadRequests() {
            HttpResponse<String> notJson = post("/api/3/action/package_search", "application/json", "{rows: ");
            assertThat(notJson.statusCode()).isEqualTo(400);
            assertThat(json(notJson).asString()).startsWith("Bad request - JSON Error");
            HttpResponse<String> list = post("/api/3/action/package_search", "application/json", "[1, 2]");
            assertThat(list.statusCode()).isEqualTo(400);
            assertThat(json(list).asString()).startsWith("Bad request - Bad request data");
        }
    }
}
