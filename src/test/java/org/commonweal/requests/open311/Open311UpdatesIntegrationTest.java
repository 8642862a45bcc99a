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

/** mySociety's servicerequestupdates: the public history, and updates from the submitter and the department. */
@CommonwealIntegrationTest
class Open311UpdatesIntegrationTest extends Open311TestSupport {

    private static final String UPDATES_JSON = "/open311/v2/servicerequestupdates.json";

    @Nested
    class Posting {

        @Test
        void letTheResponsibleDepartmentTakeUpAndFixARequest() {
            String id = submitAt(Instant.parse("2028-02-01T02:00:00Z"), roadDamage());
            HttpResponse<String> takenUp = post(transportKey, id, "in_progress", "A crew is on its way");
            assertThat(takenUp.statusCode()).as(takenUp.body()).isEqualTo(200);
            String takenUpId = json(takenUp).get(0).get("update_id").asString();
            clock.advance(Duration.ofHours(3));
            HttpResponse<String> fixed = post(transportKey, id, "FIXED", "Filled and sealed");
            assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(200);

            JsonNode request = json(open311.get("/open311/v2/requests/" + id + ".json")).get(0);
            assertThat(request.get("status").asString()).isEqualTo("closed");
            assertThat(request.get("status_notes").asString()).isEqualTo("Filled and sealed");
            assertThat(request.get("updated_datetime").asString()).isEqualTo("2028-02-01T13:00:00+08:00");
            List<JsonNode> updates = updatesOf(id, "start_date=2028-02-01&end_date=2028-02-01");
            assertThat(updates).extracting(update -> update.get("status").asString())
                    .containsExactly("open", "in_progress", "fixed");
            assertThat(updates.get(1).get("update_id").asString()).isEqualTo(takenUpId);
            assertThat(updates.get(1).get("description").asString()).isEqualTo("A crew is on its way");
            assertThat(updates.get(2).get("updated_datetime").asString()).isEqualTo("2028-02-01T13:00:00+08:00");
        }

        @Test
        void letTheDepartmentAddAPublicNoteWithoutChangingTheStatus() {
            String id = submit(roadDamage());
            assertThat(post(transportKey, id, "action_scheduled", "Booked for Friday").statusCode()).isEqualTo(200);
            assertThat(post(transportKey, id, "planned", "Materials ordered").statusCode()).isEqualTo(200);
            JsonNode request = json(open311.get("/open311/v2/requests/" + id + ".json")).get(0);
            assertThat(request.get("status").asString()).isEqualTo("open");
            assertThat(request.get("status_notes").asString()).isEqualTo("Materials ordered");
        }

        @Test
        void letTheSubmittingSystemAddInformationAndReopen() {
            String id = submitAt(Instant.parse("2028-03-06T02:00:00Z"), roadDamage());
            HttpResponse<String> added = post(housingKey, id, "open", "It is getting bigger");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
            assertThat(post(transportKey, id, "closed", "Repaired").statusCode()).isEqualTo(200);
            HttpResponse<String> reopened = post(housingKey, id, "reopen", "Still a hole");
            assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
            assertThat(json(open311.get("/open311/v2/requests/" + id + ".json")).get(0).get("status").asString())
                    .isEqualTo("open");
            assertThat(updatesOf(id, "start_date=2028-03-06&end_date=2028-03-06"))
                    .extracting(update -> update.get("description").isNull() ? "" : update.get("description").asString())
                    .contains("It is getting bigger", "Repaired", "Still a hole");
        }

        @Test
        void answersInXmlWithTheUpdateId() {
            String id = submit(roadDamage());
            HttpResponse<String> response = open311.post("/open311/v2/servicerequestupdates.xml", List.of("api_key",
                    transportKey, "service_request_id", id, "status", "in_progress", "description", "On it",
                    "updated_datetime", "2026-03-02T09:00:00+08:00", "update_id", "client-42"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(XmlShape.of(response.body())).containsExactly("service_request_updates",
                    "service_request_updates/request_update", "service_request_updates/request_update/update_id");
        }

        @Test
        void refuseOrganisationsThatNeitherSubmittedNorHandleTheRequest() {
            String id = submit(roadDamage());
            assertError(post(environmentKey, id, "closed", "Not ours but closing anyway"), 403, Format.JSON);
            assertThat(json(open311.get("/open311/v2/requests/" + id + ".json")).get(0).get("status").asString())
                    .isEqualTo("open");
        }

        @Test
        void refuseMalformedUpdatesWithTheSpecErrorBody() {
            String id = submit(roadDamage());
            assertError(post("cw_unknown", id, "open", "x"), 403, Format.JSON);
            assertError(open311.post(UPDATES_JSON, List.of("service_request_id", id, "status", "open", "description", "x")),
                    403, Format.JSON);
            assertError(post(housingKey, "ZZZZZ-ZZZZZ", "open", "x"), 404, Format.JSON);
            assertError(open311.post(UPDATES_JSON, List.of("api_key", housingKey, "status", "open", "description", "x")),
                    400, Format.JSON);
            assertError(open311.post(UPDATES_JSON, List.of("api_key", housingKey, "service_request_id", id,
                    "description", "x")), 400, Format.JSON);
            assertError(post(housingKey, id, "solved-ish", "x"), 400, Format.JSON);
            assertError(post(housingKey, id, "open", ""), 400, Format.JSON);
            assertError(post(housingKey, id, "open", "y".repeat(4001)), 400, Format.JSON);
            assertError(open311.postBody(UPDATES_JSON, "application/json", "{}"), 415, Format.JSON);
        }

        @Test
        void refuseToResolveARequestTwice() {
            String id = submit(roadDamage());
            assertThat(post(transportKey, id, "fixed", "Done").statusCode()).isEqualTo(200);
            assertError(post(transportKey, id, "fixed", "Done again"), 409, Format.JSON);
        }
    }

    @Nested
    class Listing {

        @Test
        void showsOnlyPublicUpdatesOfTheSpanInTheMySocietyShape() {
            String id = submitAt(Instant.parse("2028-04-03T02:00:00Z"), roadDamage());
            HttpResponse<String> response = open311.get("/open311/v2/servicerequestupdates.xml?start_date=2028-04-03&end_date=2028-04-03");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(XmlShape.of(response.body())).contains("service_request_updates/request_update/update_id",
                    "service_request_updates/request_update/service_request_id", "service_request_updates/request_update/status",
                    "service_request_updates/request_update/updated_datetime");
            assertThat(XmlShape.text(response.body(), "service_request_id")).isEqualTo(id);
            assertThat(updatesOf(id, "start_date=2028-04-04&end_date=2028-04-05")).isEmpty();
        }

        @Test
        void followsThe90DayRule() {
            String old = submitAt(Instant.parse("2028-05-01T00:00:00Z"), roadDamage());
            clock.set(Instant.parse("2028-09-01T00:00:00Z"));
            assertThat(json(open311.get(UPDATES_JSON)).valueStream()
                    .map(update -> update.get("service_request_id").asString())).doesNotContain(old);
            assertError(open311.get(UPDATES_JSON + "?start_date=2028-01-01&end_date=2028-06-01"), 400, Format.JSON);
            assertError(open311.get("/open311/v2/servicerequestupdates.xml?end_date=soon"), 400, Format.XML);
        }
    }

    private HttpResponse<String> post(String apiKey, String id, String status, String description) {
        return open311.post(UPDATES_JSON, List.of("api_key", apiKey, "service_request_id", id, "status", status,
                "description", description));
    }

    private List<JsonNode> updatesOf(String id, String span) {
        HttpResponse<String> response = open311.get(UPDATES_JSON + "?" + span);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).valueStream().filter(update -> update.get("service_request_id").asString().equals(id)).toList();
    }
}
