package org.commonweal.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.commonweal.identity.Accounts;
import org.commonweal.identity.ApiTokens;
import org.commonweal.identity.OrganisationIdentifier;
import org.commonweal.identity.Organisations;
import org.commonweal.support.CommonwealIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Departments' systems register and retire their services over the JSON API with their API token. */
@CommonwealIntegrationTest
class ExchangeApiIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Organisations organisations;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private String transportToken;
    private String housingToken;

    @BeforeEach
    void tokens() {
        ExchangeFixtures.awaitDemoCatalogue(jdbc);
        transportToken = token("TRANSPORT");
        housingToken = token("HOUSING");
    }

    private String token(String memberCode) {
        UUID organisation = organisations.find(OrganisationIdentifier.of("CW-DEMO", "GOV", memberCode)).orElseThrow().id();
        return tokens.issue(organisation, "api test", accounts.findByUsername("admin").orElseThrow().id()).secret();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String registration(String serviceId, String resource, String baseUrl, String mapping) {
        return """
                {"serviceId":"%s","resourceCode":"%s","baseUrl":"%s","openApi":"{}","fieldItems":%s}"""
                .formatted(serviceId, resource, baseUrl, mapping);
    }

    @Test
    void registersListsAndRetiresItsOwnService() throws Exception {
        String serviceId = ExchangeFixtures.newVehicleServiceId();
        String body = registration(serviceId, "QH-TRANSPORT-0001", "https://vehicles.transport.example/api",
                "{\"$.plate\":\"plate_number\",\"$.owner.name\":\"owner_name\"}");
        HttpResponse<String> created = send("POST", "/api/v1/exchange/services", transportToken, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"personal\":true", "\"serviceId\":\"" + serviceId + "\"");
        assertThat(send("POST", "/api/v1/exchange/services", transportToken, body).body()).contains("\"code\":\"service_exists\"");
        assertThat(send("GET", "/api/v1/exchange/services", transportToken, null).body()).contains(serviceId);
        assertThat(send("GET", "/api/v1/exchange/services", housingToken, null).body()).doesNotContain(serviceId);
        assertThat(send("GET", "/api/v1/exchange/services/" + serviceId, housingToken, null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/exchange/services/" + serviceId, housingToken, null).body())
                .contains("\"code\":\"not_your_department\"");
        HttpResponse<String> retired = send("DELETE", "/api/v1/exchange/services/" + serviceId, transportToken, null);
        assertThat(retired.statusCode()).isEqualTo(200);
        assertThat(retired.body()).contains("\"retiredAt\":\"");
        assertThat(ExchangeFixtures.evidenceTypes(jdbc, serviceId))
                .containsExactlyInAnyOrder("exchange.service_registered", "exchange.service_retired");
    }

    @Test
    void refusesBadRegistrationsWithAReasonAndStoresNothing() throws Exception {
        int before = jdbc.sql("SELECT count(*) FROM exchange_service").query(Integer.class).single();
        String id = ExchangeFixtures.newVehicleServiceId();
        String[][] cases = {
                {registration(id, "QH-TRANSPORT-0001", "https://x.example", "{}"), "HOUSING", "not_your_department"},
                {registration("CW-DEMO/GOV/TRANSPORT/vehicles", "QH-TRANSPORT-0001", "https://x.example", "{}"), "TRANSPORT", "service_id_invalid"},
                {registration("CW-DEMO/GOV/TRANSPORT/vehicles/listMethods", "QH-TRANSPORT-0001", "https://x.example", "{}"), "TRANSPORT", "service_id_invalid"},
                {registration(id, "QH-TRANSPORT-0004", "https://x.example", "{}"), "TRANSPORT", "resource_not_offered"},
                {registration(id, "QH-HOUSING-0001", "https://x.example", "{}"), "TRANSPORT", "resource_not_the_providers"},
                {registration(id, "QH-NOPE-9999", "https://x.example", "{}"), "TRANSPORT", "resource_not_found"},
                {registration(id, "QH-TRANSPORT-0001", "javascript:alert(1)", "{}"), "TRANSPORT", "base_url_invalid"},
                {registration(id, "QH-TRANSPORT-0001", "file:///etc/passwd", "{}"), "TRANSPORT", "base_url_invalid"},
                {registration(id, "QH-TRANSPORT-0001", "https://user:pw@x.example", "{}"), "TRANSPORT", "base_url_invalid"},
                {registration(id, "QH-TRANSPORT-0001", "https://x.example", "{\"$..plate\":\"plate_number\"}"), "TRANSPORT", "field_mapping_invalid"},
                {registration(id, "QH-TRANSPORT-0001", "https://x.example", "{\"$.plate\":\"'; DROP TABLE x; --\"}"), "TRANSPORT", "item_not_in_resource"},
                {"{\"serviceId\":", "TRANSPORT", "malformed_body"},
                {"{}", "TRANSPORT", "service_id_invalid"},
        };
        for (String[] c : cases) {
            HttpResponse<String> response = send("POST", "/api/v1/exchange/services",
                    c[1].equals("HOUSING") ? housingToken : transportToken, c[0]);
            assertThat(response.statusCode()).as(c[0]).isBetween(400, 499);
            assertThat(response.body()).as(c[0]).contains("\"code\":\"" + c[2] + "\"");
        }
        assertThat(send("POST", "/api/v1/exchange/services", null, registration(id, "QH-TRANSPORT-0001", "https://x.example", "{}"))
                .statusCode()).as("no token: unauthenticated, or CSRF-refused as a browser post").isIn(401, 403);
        assertThat(jdbc.sql("SELECT count(*) FROM exchange_service").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void listsTheDepartmentsAgreements() throws Exception {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> send("GET", "/api/v1/exchange/agreements", transportToken, null).body().contains("vehicle-registrations"));
        String data = send("GET", "/api/v1/exchange/agreements", token("DATA"), null).body();
        assertThat(data).contains("\"consumer\":\"CW-DEMO/GOV/DATA\"", "\"status\":\"ACTIVE\"");
        // Housing sees only its own agreements (other tests give it some), never DATA's
        assertThat(send("GET", "/api/v1/exchange/agreements", housingToken, null).body())
                .doesNotContain("\"consumer\":\"CW-DEMO/GOV/DATA\"");
        assertThat(send("GET", "/api/v1/exchange/calls/" + UUID.randomUUID(), transportToken, null).body())
                .contains("\"code\":\"call_not_found\"");
    }
}
