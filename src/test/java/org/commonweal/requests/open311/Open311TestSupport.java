package org.commonweal.requests.open311;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.commonweal.identity.Accounts;
import org.commonweal.identity.ApiTokens;
import org.commonweal.identity.OrganisationIdentifier;
import org.commonweal.identity.Organisations;
import org.commonweal.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Open311 tests share: a client over real HTTP and two departments' api_keys. Housing's
 * system submits requests for citizens; Transport is responsible for road damage, so its system
 * handles them. Tests that move the clock put it back.
 */
abstract class Open311TestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** A point in Linjiang District. */
    static final String LAT = "30.2";
    static final String LONG = "120.1";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Organisations organisations;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    Open311Client open311;
    String housingKey;
    String transportKey;
    String environmentKey;

    @BeforeEach
    void connect() {
        open311 = new Open311Client(port);
        housingKey = keyOf("HOUSING");
        transportKey = keyOf("TRANSPORT");
        environmentKey = keyOf("ENVIRONMENT");
    }

    @AfterEach
    void resetClock() {
        clock.set(MutableClock.START);
    }

    private String keyOf(String department) {
        UUID organisation = organisations.find(OrganisationIdentifier.of("CW-DEMO", "GOV", department)).orElseThrow().id();
        UUID admin = accounts.findByUsername("admin.transport").orElseThrow().id();
        return tokens.issue(organisation, "Open311 test client", admin).secret();
    }

    /** The fields of a valid road-damage report from Housing's system, with {@code more} replacing or adding fields. */
    List<String> roadDamage(String... more) {
        return with(List.of("api_key", housingKey, "service_code", "road-damage", "lat", LAT, "long", LONG,
                "description", "Pothole " + UUID.randomUUID()), more);
    }

    /** The fields (name, value, ...) with {@code more} replacing the value of a field it names, or added at the end. */
    static List<String> with(List<String> fields, String... more) {
        List<String> result = new ArrayList<>(fields);
        for (int i = 0; i < more.length; i += 2) {
            int existing = result.indexOf(more[i]);
            if (existing >= 0 && existing % 2 == 0) {
                result.set(existing + 1, more[i + 1]);
            } else {
                result.addAll(List.of(more[i], more[i + 1]));
            }
        }
        return result;
    }

    /** Submits over Open311 and returns the new service_request_id. */
    String submit(List<String> fields) {
        HttpResponse<String> response = open311.post("/open311/v2/requests.json", fields);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get(0).get("service_request_id").asString();
    }

    String submitAt(Instant when, List<String> fields) {
        clock.set(when);
        return submit(fields);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static Set<String> ids(HttpResponse<String> response) {
        Set<String> ids = new java.util.HashSet<>();
        json(response).forEach(request -> ids.add(request.get("service_request_id").asString()));
        return ids;
    }

    /** The spec's error body with the status as its code, in the format asked for. */
    static void assertError(HttpResponse<String> response, int status, Format format) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(format.mediaType().toString());
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
        if (format == Format.JSON) {
            JsonNode errors = json(response);
            assertThat(errors.isArray()).isTrue();
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).get("code").asInt()).isEqualTo(status);
            assertThat(errors.get(0).get("description").asString()).isNotBlank();
        } else {
            assertThat(XmlShape.of(response.body())).isEqualTo(XmlShape.of(Reference.specExample("errors.xml")));
            assertThat(response.body()).contains("<code>" + status + "</code>");
        }
    }
}
