package org.commonweal.requests.open311;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.commonweal.support.CommonwealIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** POST requests: a client system submits for a citizen, safely repeatable, refused with the spec's errors. */
@CommonwealIntegrationTest
class Open311SubmissionIntegrationTest extends Open311TestSupport {

    private static final String POST_JSON = "/open311/v2/requests.json";

    @Autowired
    JdbcClient jdbc;

    @Nested
    class Creating {

        @Test
        void answersWithAListOfOneAsTheSpecShows() {
            HttpResponse<String> response = open311.post(POST_JSON, roadDamage("email", "li.ming@example.cn",
                    "first_name", "Ming", "last_name", "Li", "phone", "138 0000 0000", "device_id", "phone-1",
                    "account_id", "acc-1", "address_string", "Jiangbin Road 12", "media_url", "https://example.cn/p.jpg"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(Format.JSON.mediaType().toString());
            JsonNode created = json(response);
            assertThat(created).hasSize(1);
            assertThat(created.get(0).get("service_request_id").asString()).matches("[0-9A-Z]{5}-[0-9A-Z]{5}");
            assertThat(created.get(0).get("token").asString()).isNotBlank();
            assertThat(created.get(0).get("service_notice").isNull()).isTrue();
            assertThat(created.get(0).get("account_id").isNull()).isTrue();
            JsonNode spec = JSON.readTree(Reference.specExample("service-request-post.json"));
            assertThat(created.get(0).propertyNames()).containsAll(spec.get(0).propertyNames());
        }

        @Test
        void answersInXmlWithTheShapeOfTheSpecExample() {
            HttpResponse<String> response = open311.post("/open311/v2/requests.xml", roadDamage());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(Format.XML.mediaType().toString());
            Set<String> spec = new java.util.TreeSet<>(XmlShape.of(Reference.specExample("service-request-post.xml")));
            spec.addAll(XmlShape.of(Reference.specExample("request-from-token.xml")));
            assertThat(spec).containsAll(XmlShape.of(response.body()));
            assertThat(XmlShape.of(response.body())).contains("service_requests/request/service_request_id",
                    "service_requests/request/token");
        }

        @Test
        void recordsTheClientButShowsNoneOfThePersonsData() {
            String id = submit(roadDamage("email", "private.person@example.cn", "phone", "139 1234 5678",
                    "first_name", "Secret", "last_name", "Person"));
            for (String path : List.of("/open311/v2/requests/" + id + ".json?extensions=true",
                    "/open311/v2/requests/" + id + ".xml?extensions=true", "/open311/v2/requests.json?service_request_id=" + id)) {
                assertThat(open311.get(path).body()).contains(id).doesNotContain("private.person", "1234 5678", "Secret");
            }
            assertThat(jdbc.sql("SELECT source FROM requests_request WHERE tracking_number = ?").param(id)
                    .query(String.class).single()).isEqualTo("open311");
        }

        @Test
        void acceptsParametersInTheQueryStringAsTheSpecExamplesShow() {
            String query = Open311Client.form(roadDamage());
            HttpResponse<String> response = open311.send("POST", POST_JSON + "?" + query);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }

        @Test
        void acceptsMultipartWithAPhoto() throws IOException {
            HttpResponse<String> response = open311.postMultipart(POST_JSON, roadDamage(), png());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            String id = json(response).get(0).get("service_request_id").asString();
            String mediaUrl = json(open311.get("/open311/v2/requests/" + id + ".json")).get(0).get("media_url").asString();
            assertThat(mediaUrl).matches("https?://[^/]+/requests/photos/[0-9a-f-]{36}");
            HttpResponse<String> photo = open311.get(mediaUrl.replaceFirst("https?://[^/]+", ""));
            assertThat(photo.statusCode()).isEqualTo(200);
            assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/png");
        }

        @Test
        void takesListAnswersAsRepeatedBracketedAttributes() {
            String id = submit(List.of("api_key", housingKey, "service_code", "noise", "lat", LAT, "long", LONG,
                    "description", "Drilling every night", "attribute[noise_times][]", "night",
                    "attribute[noise_times][]", "weekend", "attribute[source_details]", "The building site"));
            JsonNode answers = json(open311.get("/open311/v2/requests/" + id + ".json?extensions=true",
                    "Accept-Language", "en")).get(0).get("attributes");
            assertThat(answers.valueStream().map(answer -> answer.get("name").asString() + "=" + answer.get("code").asString()))
                    .containsExactly("noise_times=night", "noise_times=weekend", "source_details=The building site");
            assertThat(answers.get(0).get("value").asString()).isEqualTo("At night (22:00–6:00)");
        }

        @Test
        void keepsScriptTagsAndSqlAsTextAndGivesThemBackVerbatim() {
            String hostile = "<script>alert('x')</script> & \"quotes\" '; DROP TABLE requests_request; -- 路灯 \uD83D\uDCA1";
            String id = submit(roadDamage("description", hostile, "address_string", "<b>Main</b> Street' OR '1'='1"));
            JsonNode request = json(open311.get("/open311/v2/requests/" + id + ".json")).get(0);
            assertThat(request.get("description").asString()).isEqualTo(hostile);
            assertThat(request.get("address").asString()).isEqualTo("<b>Main</b> Street' OR '1'='1");
            String xml = open311.get("/open311/v2/requests/" + id + ".xml").body();
            assertThat(xml).doesNotContain("<script>").contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"quotes\"");
            assertThat(XmlShape.text(xml, "description")).isEqualTo(hostile);
        }
    }

    @Nested
    class Refusing {

        static Stream<Arguments> badSubmissions() {
            String key = "KEY";
            return Stream.of(
                    Arguments.of("no api_key", List.of("service_code", "road-damage", "lat", LAT, "long", LONG, "description", "x"), 403),
                    Arguments.of("an unknown api_key", List.of("api_key", "cw_" + "A".repeat(43), "service_code", "road-damage",
                            "lat", LAT, "long", LONG, "description", "x"), 403),
                    Arguments.of("another jurisdiction", fields(key, "jurisdiction_id", "elsewhere.gov"), 404),
                    Arguments.of("no service_code", List.of("api_key", key, "lat", LAT, "long", LONG, "description", "x"), 400),
                    Arguments.of("an unknown service_code", List.of("api_key", key, "service_code", "<script>", "lat", LAT,
                            "long", LONG, "description", "x"), 400),
                    Arguments.of("no location", List.of("api_key", key, "service_code", "road-damage", "description", "x"), 400),
                    Arguments.of("only an address_id", List.of("api_key", key, "service_code", "road-damage",
                            "address_id", "545483", "description", "x"), 400),
                    Arguments.of("a latitude out of range", List.of("api_key", key, "service_code", "road-damage",
                            "lat", "91", "long", LONG, "description", "x"), 400),
                    Arguments.of("a latitude without a longitude", List.of("api_key", key, "service_code", "road-damage",
                            "lat", LAT, "description", "x"), 400),
                    Arguments.of("a latitude that is no number", List.of("api_key", key, "service_code", "road-damage",
                            "lat", "thirty", "long", LONG, "description", "x"), 400),
                    Arguments.of("no description", List.of("api_key", key, "service_code", "road-damage", "lat", LAT,
                            "long", LONG), 400),
                    Arguments.of("a description over 4000 characters", fields(key, "description", "x".repeat(4001)), 400),
                    Arguments.of("an unknown attribute", fields(key, "attribute[colour]", "red"), 400),
                    Arguments.of("a malformed attribute name", fields(key, "attribute[width_cm", "3"), 400),
                    Arguments.of("a number attribute that is no number", fields(key, "attribute[width_cm]", "wide"), 400),
                    Arguments.of("a datetime attribute that is no date", List.of("api_key", key, "service_code", "bus-service",
                            "description", "late", "attribute[route]", "12", "attribute[happened_at]", "last tuesday"), 400),
                    Arguments.of("a list answer that is no key", List.of("api_key", key, "service_code", "streetlight",
                            "lat", LAT, "long", LONG, "description", "dark", "attribute[lamp_state]", "exploded"), 400),
                    Arguments.of("two answers to a single-value list", List.of("api_key", key, "service_code", "streetlight",
                            "lat", LAT, "long", LONG, "description", "dark", "attribute[lamp_state]", "off",
                            "attribute[lamp_state]", "day"), 400),
                    Arguments.of("a missing required attribute", List.of("api_key", key, "service_code", "streetlight",
                            "lat", LAT, "long", LONG, "description", "dark"), 400),
                    Arguments.of("a malformed email", fields(key, "email", "not-an-address"), 400),
                    Arguments.of("an overlong name", fields(key, "first_name", "N".repeat(300)), 400),
                    Arguments.of("an overlong Idempotency-Key", fields(key, "idempotency_key", "k".repeat(5000)), 400));
        }

        /** A valid report from the api_key {@code key}, with {@code more} replacing or adding fields. */
        private static List<String> fields(String key, String... more) {
            return with(List.of("api_key", key, "service_code", "road-damage", "lat", LAT, "long", LONG,
                    "description", "A hole"), more);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("badSubmissions")
        void refusesWithTheSpecErrorBodyInBothFormats(String what, List<String> fields, int status) {
            List<String> withKey = fields.stream().map(value -> value.equals("KEY") ? housingKey : value).toList();
            int before = requestCount();
            assertError(open311.post(POST_JSON, withKey), status, Format.JSON);
            assertError(open311.post("/open311/v2/requests.xml", withKey), status, Format.XML);
            assertThat(requestCount()).isEqualTo(before);
        }

        @Test
        void refusesAPhotoThatIsNoImage() {
            assertError(open311.postMultipart(POST_JSON, roadDamage(), "GIF89a but not really".getBytes()), 400, Format.JSON);
        }

        @Test
        void refusesBodiesThatAreNotForms() {
            assertError(open311.postBody(POST_JSON, "application/json", "{\"service_code\":\"road-damage\"}"), 415, Format.JSON);
            assertError(open311.postBody("/open311/v2/requests.xml", "text/xml", "<request/>"), 415, Format.XML);
        }

        @Test
        void refusesAnUnknownFormat() {
            assertError(open311.post("/open311/v2/requests.yaml", roadDamage()), 404, Format.JSON);
        }

        private int requestCount() {
            return jdbc.sql("SELECT count(*) FROM requests_request").query(Integer.class).single();
        }
    }

    @Nested
    class Repeating {

        @Test
        void answersTheSameIdempotencyKeyWithTheFirstRequest() {
            String key = UUID.randomUUID().toString();
            HttpResponse<String> first = open311.post(POST_JSON, roadDamage(), "Idempotency-Key", key);
            HttpResponse<String> second = open311.post(POST_JSON, roadDamage(), "Idempotency-Key", key);
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(ids(second)).isEqualTo(ids(first));
            assertThat(json(second).get(0).get("token").asString()).isEqualTo(json(first).get(0).get("token").asString());
        }

        @Test
        void acceptsTheIdempotencyKeyAsAParameterToo() {
            String key = UUID.randomUUID().toString();
            String first = submit(roadDamage("idempotency_key", key));
            assertThat(submit(roadDamage("idempotency_key", key))).isEqualTo(first);
        }

        @Test
        void makesOneRequestFromTwoConcurrentDuplicates() throws Exception {
            String key = UUID.randomUUID().toString();
            List<String> fields = roadDamage();
            CountDownLatch start = new CountDownLatch(1);
            try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
                List<Future<HttpResponse<String>>> responses = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    responses.add(threads.submit(() -> {
                        start.await();
                        return open311.post(POST_JSON, fields, "Idempotency-Key", key);
                    }));
                }
                start.countDown();
                HttpResponse<String> one = responses.get(0).get();
                HttpResponse<String> other = responses.get(1).get();
                assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
                assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
                assertThat(ids(one)).isEqualTo(ids(other));
            }
            assertThat(jdbc.sql("SELECT count(*) FROM requests_request WHERE idempotency_key = ?").param(key)
                    .query(Integer.class).single()).isEqualTo(1);
        }

        /**
         * Concurrent POSTs are written in shared transactions; repeats of one key in the same group make
         * the group fail and be written again one by one. Every client must still get its own answer.
         */
        @Test
        void answersManyConcurrentPostsWithRepeatedKeysEachWithItsOwnRequest() throws Exception {
            List<String> keys = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                keys.add(UUID.randomUUID().toString());
            }
            CountDownLatch start = new CountDownLatch(1);
            Map<String, List<Future<HttpResponse<String>>>> byKey = new LinkedHashMap<>();
            try (ExecutorService threads = Executors.newFixedThreadPool(24)) {
                for (String key : keys) {
                    List<String> fields = roadDamage();
                    for (int copy = 0; copy < 3; copy++) {
                        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(threads.submit(() -> {
                            start.await();
                            return open311.post(POST_JSON, fields, "Idempotency-Key", key);
                        }));
                    }
                }
                start.countDown();
                for (String key : keys) {
                    Set<Set<String>> answers = new HashSet<>();
                    for (Future<HttpResponse<String>> response : byKey.get(key)) {
                        assertThat(response.get().statusCode()).as(response.get().body()).isEqualTo(200);
                        answers.add(ids(response.get()));
                    }
                    assertThat(answers).as("one request for the key " + key).hasSize(1);
                    String trackingNumber = answers.iterator().next().iterator().next();
                    assertThat(jdbc.sql("SELECT (SELECT count(*) FROM requests_request r JOIN requests_update u"
                                    + " ON u.request_id = r.id WHERE r.tracking_number = ? AND r.idempotency_key = ?)"
                                    + " + (SELECT count(*) FROM ledger_pending WHERE subject = ? AND type = 'requests.submitted')"
                                    + " + (SELECT count(*) FROM ledger_entry WHERE subject = ? AND type = 'requests.submitted')")
                            .params(trackingNumber, key, trackingNumber, trackingNumber).query(Integer.class).single())
                            .as("the request, its one history row and its one piece of evidence").isEqualTo(2);
                }
            }
            assertThat(jdbc.sql("SELECT count(*) FROM requests_request WHERE idempotency_key = ANY(?)")
                    .param(keys.toArray(String[]::new)).query(Integer.class).single()).isEqualTo(keys.size());
        }

        @Test
        void answersAnIdenticalPostWithinTheReplayWindowWithTheFirstRequest() {
            List<String> fields = roadDamage();
            String first = submit(fields);
            assertThat(submit(fields)).isEqualTo(first);
            assertThat(submit(roadDamage())).isNotEqualTo(first);
        }
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
