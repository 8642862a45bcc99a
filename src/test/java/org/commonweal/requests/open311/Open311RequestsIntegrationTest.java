package org.commonweal.requests.open311;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.commonweal.support.CommonwealIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET requests with every filter, one request, and tokens. Each test submits at its own moment and
 * asks about that span only, so requests made by other tests do not show up.
 */
@CommonwealIntegrationTest
class Open311RequestsIntegrationTest extends Open311TestSupport {

    @Nested
    class Listing {

        @Test
        void conformsToTheRequestsSchemaWithTheSpecFields() {
            String id = submitAt(Instant.parse("2027-01-11T02:00:00Z"), roadDamage("address_string", "Jiangbin Road 12"));
            HttpResponse<String> response = open311.get("/open311/v2/requests.json?" + Open311Client.query(
                    "start_date", "2027-01-11T00:00:00Z", "end_date", "2027-01-11T23:00:00Z"), "Accept-Language", "en");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JsonSchemas.violations("requests.json", response.body())).isEmpty();
            JsonNode request = json(response).get(0);
            assertThat(request.get("service_request_id").asString()).isEqualTo(id);
            assertThat(request.get("status").asString()).isEqualTo("open");
            assertThat(request.get("service_name").asString()).isEqualTo("Road damage or pothole");
            assertThat(request.get("service_code").asString()).isEqualTo("road-damage");
            assertThat(request.get("agency_responsible").asString()).isEqualTo("Qinghe Transport Bureau");
            assertThat(request.get("requested_datetime").asString()).isEqualTo("2027-01-11T10:00:00+08:00");
            assertThat(request.get("expected_datetime").asString()).startsWith("2027-01-");
            assertThat(request.get("address").asString()).isEqualTo("Jiangbin Road 12");
            assertThat(request.get("lat").asDouble()).isEqualTo(30.2);
            assertThat(request.get("long").asDouble()).isEqualTo(120.1);
        }

        @Test
        void hasTheShapeOfTheSpecExampleInXml() {
            submitAt(Instant.parse("2027-01-18T02:00:00Z"), roadDamage());
            HttpResponse<String> response = open311.get("/open311/v2/requests.xml?start_date=2027-01-18&end_date=2027-01-18");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(XmlShape.of(Reference.specExample("service-requests.xml"))).containsAll(XmlShape.of(response.body()));
            assertThat(XmlShape.of(response.body())).contains("service_requests/request/service_request_id",
                    "service_requests/request/status", "service_requests/request/requested_datetime");
        }

        @Test
        void answersAnEmptyListAsAnEmptyArrayAndAnEmptyElement() {
            String query = "?start_date=2040-01-01T00:00:00Z&end_date=2040-01-02T00:00:00Z";
            assertThat(open311.get("/open311/v2/requests.json" + query).body()).isEqualTo("[]");
            assertThat(XmlShape.of(open311.get("/open311/v2/requests.xml" + query).body())).containsExactly("service_requests");
        }

        @Test
        void findsRequestsByIdIgnoringEveryOtherFilter() {
            String one = submitAt(Instant.parse("2027-02-01T02:00:00Z"), roadDamage());
            String other = submitAt(Instant.parse("2027-02-02T02:00:00Z"), roadDamage());
            clock.set(Instant.parse("2028-01-01T00:00:00Z"));
            HttpResponse<String> response = open311.get("/open311/v2/requests.json?" + Open311Client.query(
                    "service_request_id", one + ", " + other.toLowerCase() + ",NOT-AN-ID", "service_code", "noise",
                    "status", "closed", "start_date", "2020-01-01", "end_date", "2030-01-01"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(ids(response)).containsExactlyInAnyOrder(one, other);
            assertThat(open311.get("/open311/v2/requests.json?service_request_id=nonsense").body()).isEqualTo("[]");
        }

        @Test
        void filtersByServiceCodesAndStatus() {
            clock.set(Instant.parse("2027-03-01T02:00:00Z"));
            String pothole = submit(roadDamage());
            String noise = submit(List.of("api_key", housingKey, "service_code", "noise", "lat", LAT, "long", LONG,
                    "description", "Loud", "attribute[noise_times][]", "day"));
            String bus = submit(List.of("api_key", housingKey, "service_code", "bus-service", "description", "Late",
                    "attribute[route]", "7"));
            String window = "&start_date=2027-03-01&end_date=2027-03-01";
            assertThat(ids(open311.get("/open311/v2/requests.json?service_code=road-damage,noise" + window)))
                    .containsExactlyInAnyOrder(pothole, noise);
            assertThat(ids(open311.get("/open311/v2/requests.json?status=open" + window)))
                    .containsExactlyInAnyOrder(pothole, noise, bus);
            assertThat(open311.get("/open311/v2/requests.json?status=closed" + window).body()).isEqualTo("[]");
            assertThat(ids(open311.get("/open311/v2/requests.json?status=open,closed&service_code=bus-service" + window)))
                    .containsExactly(bus);
            assertError(open311.get("/open311/v2/requests.json?status=pending" + window), 400, Format.JSON);
        }

        @Test
        void coversTheLast90DaysWhenNoDatesAreGiven() {
            Instant now = Instant.parse("2027-09-01T02:00:00Z");
            String old = submitAt(now.minus(Duration.ofDays(91)), roadDamage());
            String recent = submitAt(now.minus(Duration.ofDays(89)), roadDamage());
            clock.set(now);
            assertThat(ids(open311.get("/open311/v2/requests.json?service_code=road-damage"))).contains(recent).doesNotContain(old);
            assertThat(ids(open311.get("/open311/v2/requests.json?start_date=2027-05-01T00:00:00%2B08:00"))).contains(old);
            assertThat(ids(open311.get("/open311/v2/requests.json?end_date=2027-06-02T23:59:59%2B08:00"))).contains(old)
                    .doesNotContain(recent);
        }

        @Test
        void refusesASpanOfMoreThan90DaysAndMalformedDates() {
            assertThat(open311.get("/open311/v2/requests.json?start_date=2027-01-01&end_date=2027-03-31").statusCode())
                    .isEqualTo(200);
            assertError(open311.get("/open311/v2/requests.json?start_date=2027-01-01&end_date=2027-04-01"), 400, Format.JSON);
            assertError(open311.get("/open311/v2/requests.xml?start_date=2027-01-01T00:00:00Z&end_date=2027-04-02T00:00:00Z"),
                    400, Format.XML);
            assertError(open311.get("/open311/v2/requests.json?start_date=2027-02-01&end_date=2027-01-01"), 400, Format.JSON);
            assertError(open311.get("/open311/v2/requests.json?start_date=yesterday"), 400, Format.JSON);
            assertError(open311.get("/open311/v2/requests.json?end_date=2027-13-45T99:00:00Z"), 400, Format.JSON);
            assertError(open311.get("/open311/v2/requests.json?start_date=2027-01-01T10:00:00"), 400, Format.JSON);
        }

        @Test
        void readsAPlusSignThatArrivedAsASpace() {
            String id = submitAt(Instant.parse("2027-04-05T02:00:00Z"), roadDamage());
            assertThat(ids(open311.get("/open311/v2/requests.json?start_date=2027-04-05T09:00:00+08:00"
                    + "&end_date=2027-04-05T11:00:00+08:00"))).containsExactly(id);
        }

        @Test
        void pagesThroughLongListsAndLinksTheNextPage() {
            String first = submitAt(Instant.parse("2027-05-03T02:00:00Z"), roadDamage());
            String second = submitAt(Instant.parse("2027-05-03T03:00:00Z"), roadDamage());
            String third = submitAt(Instant.parse("2027-05-03T04:00:00Z"), roadDamage());
            String window = "start_date=2027-05-03&end_date=2027-05-03";
            HttpResponse<String> page1 = open311.get("/open311/v2/requests.json?" + window + "&page_size=2");
            assertThat(ids(page1)).containsExactlyInAnyOrder(third, second);
            assertThat(page1.headers().firstValue("Link")).hasValueSatisfying(link -> assertThat(link)
                    .contains("page=2").contains("page_size=2").endsWith("rel=\"next\""));
            HttpResponse<String> page2 = open311.get("/open311/v2/requests.json?" + window + "&page_size=2&page=2");
            assertThat(ids(page2)).containsExactly(first);
            assertThat(page2.headers().firstValue("Link")).isEmpty();
            assertThat(open311.get("/open311/v2/requests.json?" + window + "&page_size=2&page=3").body()).isEqualTo("[]");
            for (String bad : List.of("page_size=1001", "page_size=0", "page=0", "page=-1", "page=two", "page_size=1e3",
                    "page=99999999999")) {
                assertError(open311.get("/open311/v2/requests.json?" + window + "&" + bad), 400, Format.JSON);
            }
        }

        @Test
        void addsTheSanFranciscoExtensionsOnRequest() {
            String id = submitAt(Instant.parse("2027-06-07T02:00:00Z"), roadDamage("attribute[width_cm]", "40"));
            HttpResponse<String> response = open311.get("/open311/v2/requests.json?extensions=true&service_request_id=" + id,
                    "Accept-Language", "en");
            assertThat(JsonSchemas.violations("requests.json", response.body())).isEmpty();
            JsonNode request = json(response).get(0);
            JsonNode spec = JSON.readTree(Reference.specExample("extensions-extended-attributes-sf.json")).get(0);
            assertThat(request.get("attributes").get(0).propertyNames())
                    .containsExactlyInAnyOrderElementsOf(spec.get("attributes").get(0).propertyNames());
            assertThat(request.get("attributes").get(0).get("name").asString()).isEqualTo("width_cm");
            assertThat(request.get("attributes").get(0).get("value").asString()).isEqualTo("40");
            assertThat(request.get("attributes").get(0).get("label").asString()).isEqualTo("About how wide is it (cm)?");
            assertThat(request.get("extended_attributes").get("channel").asString()).isEqualTo("open311");
            assertThat(request.get("notes").get(0).propertyNames())
                    .containsExactlyInAnyOrderElementsOf(spec.get("notes").get(0).propertyNames());
            assertThat(request.get("notes").get(0).get("type").asString()).isEqualTo("submitted");
            assertThat(json(open311.get("/open311/v2/requests.json?service_request_id=" + id)).get(0).has("notes")).isFalse();
            assertThat(XmlShape.of(open311.get("/open311/v2/requests.xml?extensions=true&service_request_id=" + id).body()))
                    .contains("service_requests/request/attributes/attribute/label",
                            "service_requests/request/extended_attributes/channel",
                            "service_requests/request/notes/note/type");
            assertError(open311.get("/open311/v2/requests.json?extensions=maybe"), 400, Format.JSON);
        }

        @Test
        void withholdsTheDetailsOfPersonalRequests() {
            clock.set(Instant.parse("2027-07-05T02:00:00Z"));
            String id = submit(List.of("api_key", housingKey, "service_code", "unpaid-wages", "lat", LAT, "long", LONG,
                    "address_string", "Worker dormitory 3", "description", "My employer owes me since May",
                    "attribute[months_owed]", "3"));
            assertThat(open311.post("/open311/v2/servicerequestupdates.json", List.of("api_key", housingKey,
                    "service_request_id", id, "status", "open", "description", "My bank account is 6222 0000")).statusCode())
                    .isEqualTo(200);
            JsonNode request = json(open311.get("/open311/v2/requests/" + id + ".json?extensions=true")).get(0);
            assertThat(request.get("status").asString()).isEqualTo("open");
            assertThat(request.get("agency_responsible").asString()).isNotBlank();
            for (String withheld : List.of("description", "address", "lat", "long", "media_url")) {
                assertThat(request.get(withheld).isNull()).as(withheld).isTrue();
            }
            assertThat(request.get("attributes")).isEmpty();
            String everything = open311.get("/open311/v2/requests/" + id + ".xml?extensions=true").body()
                    + open311.get("/open311/v2/requests.json?start_date=2027-07-05&end_date=2027-07-05").body()
                    + open311.get("/open311/v2/servicerequestupdates.json?start_date=2027-07-05&end_date=2027-07-05").body();
            assertThat(everything).contains(id).doesNotContain("owes me", "dormitory", "6222", "120.1");
        }

        @Test
        void answersOnlyForItsOwnJurisdiction() {
            assertError(open311.get("/open311/v2/requests.json?jurisdiction_id=elsewhere.gov"), 404, Format.JSON);
            assertThat(open311.get("/open311/v2/requests.json?jurisdiction_id=qinghe.gov.cn").statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class OneRequest {

        @Test
        void isAListOfOneInBothFormats() {
            String id = submit(roadDamage());
            HttpResponse<String> response = open311.get("/open311/v2/requests/" + id + ".json");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JsonSchemas.violations("requests.json", response.body())).isEmpty();
            assertThat(JsonSchemas.violations("request.json", json(response).get(0).toString())).isEmpty();
            assertThat(ids(response)).containsExactly(id);
            HttpResponse<String> xml = open311.get("/open311/v2/requests/" + id + ".xml");
            assertThat(XmlShape.of(Reference.specExample("service-request.xml"))).containsAll(XmlShape.of(xml.body()));
            assertThat(XmlShape.text(xml.body(), "service_request_id")).isEqualTo(id);
        }

        @Test
        void findsTheRequestHoweverTheIdIsTyped() {
            String id = submit(roadDamage());
            assertThat(ids(open311.get("/open311/v2/requests/" + id.toLowerCase().replace("-", "") + ".json")))
                    .containsExactly(id);
        }

        @Test
        void answersAnUnknownIdWithNotFound() {
            assertError(open311.get("/open311/v2/requests/ZZZZZ-ZZZZZ.json"), 404, Format.JSON);
            assertError(open311.get("/open311/v2/requests/not-an-id.xml"), 404, Format.XML);
            assertError(open311.get("/open311/v2/requests/" + "X".repeat(3000) + ".json"), 404, Format.JSON);
        }
    }

    @Nested
    class Tokens {

        @Test
        void leadFromTheTokenToTheRequest() {
            JsonNode created = json(open311.post("/open311/v2/requests.json", roadDamage())).get(0);
            String token = created.get("token").asString();
            HttpResponse<String> response = open311.get("/open311/v2/tokens/" + token + ".json");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode pair = json(response);
            assertThat(pair).hasSize(1);
            assertThat(pair.get(0).get("service_request_id").asString()).isEqualTo(created.get("service_request_id").asString());
            assertThat(pair.get(0).get("token").asString()).isEqualTo(token);
            assertThat(pair.get(0).propertyNames()).containsExactly("service_request_id", "token");
            HttpResponse<String> xml = open311.get("/open311/v2/tokens/" + token + ".xml");
            assertThat(XmlShape.of(xml.body())).isEqualTo(XmlShape.of(Reference.specExample("request-from-token.xml")));
        }

        @Test
        void answersAnUnknownTokenWithNotFound() {
            assertError(open311.get("/open311/v2/tokens/no-such-token.json"), 404, Format.JSON);
            assertError(open311.get("/open311/v2/tokens/no-such-token.xml"), 404, Format.XML);
        }
    }
}
