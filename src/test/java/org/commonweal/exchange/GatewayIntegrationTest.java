package org.commonweal.exchange;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.commonweal.identity.Accounts;
import org.commonweal.identity.ApiTokens;
import org.commonweal.identity.OrganisationIdentifier;
import org.commonweal.identity.Organisations;
import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonweal.exchange.ExchangeFixtures.VEHICLES;
import static org.commonweal.exchange.ExchangeFixtures.staffOf;

/**
 * The gateway over real HTTP, between a consumer (this test) and a provider (a real HTTP server
 * started here): authentication, agreements, minimisation, every failure a provider can show, the
 * X-Road error format, metaservices, and a call record for every call.
 */
@CommonwealIntegrationTest
class GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CLIENT = "CW-DEMO/GOV/URBAN-MGMT/enforcement";
    private static final Set<String> PERMITTED = Set.of("plate_number", "vehicle_type", "owner_name", "inspection_due");
    private static TestProvider provider;

    @LocalServerPort
    int port;

    @Autowired
    ExchangeServices services;

    @Autowired
    Agreements agreements;

    @Autowired
    CallRecords callRecords;

    @Autowired
    DataSubjects subjects;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Organisations organisations;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String serviceId;
    private Agreement agreement;
    private String urbanToken;
    private String housingToken;

    @BeforeAll
    static void startProvider() throws IOException {
        provider = new TestProvider();
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @BeforeEach
    void serviceWithAgreement() {
        ExchangeFixtures.awaitDemoCatalogue(jdbc);
        serviceId = ExchangeFixtures.newVehicleServiceId();
        services.register(ExchangeFixtures.vehicleService(serviceId, provider.baseUrl()), staffOf(organisations, "TRANSPORT"));
        agreement = agreements.grant(new AgreementTerms(CLIENT, serviceId, VEHICLES, "核查违停车辆", "《道路交通安全法》",
                PERMITTED, LocalDate.of(2026, 12, 31), 1000, 0), "officer");
        urbanToken = token("URBAN-MGMT");
        housingToken = token("HOUSING");
    }

    @AfterEach
    void resetClock() {
        clock.set(MutableClock.START);
    }

    private String token(String memberCode) {
        UUID organisation = organisations.find(OrganisationIdentifier.of("CW-DEMO", "GOV", memberCode)).orElseThrow().id();
        return tokens.issue(organisation, "gateway test", accounts.findByUsername("admin").orElseThrow().id()).secret();
    }

    private String path(String rest) {
        return "/r1/" + serviceId + rest;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + urbanToken)
                .header("X-Road-Client", CLIENT);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("the gateway must answer", e);
        }
    }

    private HttpResponse<String> get(String path) {
        return send(request(path));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The X-Road error: status, X-Road-Error header, {"type","message","detail"} with the call id, and its call record. */
    private CallRecord assertXRoadError(HttpResponse<String> response, int status, ExchangeErrorCode code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("X-Road-Error")).as(response.body()).hasValue(code.xroadType());
        JsonNode body = json(response);
        assertThat(body.path("type").asString()).isEqualTo(code.xroadType());
        assertThat(body.path("message").asString()).isNotBlank().doesNotContain("Exception");
        UUID callId = UUID.fromString(body.path("detail").asString());
        CallRecord record = recorded(callId);
        assertThat(record.errorCode()).isEqualTo(code.code());
        assertThat(record.status()).isEqualTo(status);
        assertThat(record.dataItems()).isEmpty();
        return record;
    }

    /** The record is queued as the response ends, so it may follow the answer by a moment. */
    private CallRecord recorded(UUID callId) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            callRecords.flushNow();
            return callRecords.find(callId);
        }, java.util.Optional::isPresent).orElseThrow();
    }

    private List<String> errorsOf(String service, int expected) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            callRecords.flushNow();
            return jdbc.sql("SELECT coalesce(error_code, '') FROM exchange_call WHERE service_id = ?").param(service)
                    .query(String.class).list();
        }, errors -> errors.size() >= expected);
    }

    @Nested
    class Minimisation {

        @Test
        void deliversOnlyTheFieldsOfTheAgreementsItemsAndRecordsTheCall() {
            String userId = "110101199003077777";
            HttpResponse<String> response = send(request(path("/A12345?fields=all&x=%E4%B8%AD"))
                    .header("X-Road-Id", "call-" + UUID.randomUUID())
                    .header("X-Road-UserId", userId)
                    .header("X-Road-Issue", "case-2026-17"));
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.path("plate").asString()).isEqualTo("清A12345");
            assertThat(body.path("type").asString()).isEqualTo("car");
            assertThat(body.path("owner").path("name").asString()).isEqualTo("张三");
            assertThat(body.path("owner").has("idNumber")).as("an item the agreement does not name").isFalse();
            assertThat(body.path("owner").has("phone")).as("an unmapped field").isFalse();
            assertThat(body.has("registeredOn")).isFalse();
            assertThat(body.has("internalNote")).isFalse();
            assertThat(body.has("extra")).isFalse();
            assertThat(body.path("inspections")).hasSize(2);
            assertThat(body.path("inspections").get(0).path("due").asString()).isEqualTo("2027-01-31");
            assertThat(body.path("inspections").get(0).has("station")).isFalse();
            assertThat(response.body()).doesNotContain("110101199003077777", "13800000000", "QH-01", "script");
            assertThat(response.headers().firstValue("X-Road-Client")).hasValue(CLIENT);
            assertThat(response.headers().firstValue("X-Road-Service")).hasValue(serviceId);
            assertThat(response.headers().firstValue("X-Road-Request-Hash")).isPresent();
            assertThat(response.headers().firstValue("Set-Cookie")).as("provider cookies stay behind").isEmpty();
            String xroadId = response.headers().firstValue("X-Road-Id").orElseThrow();

            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> errorsOf(serviceId, 1).size() == 1);
            CallRecord record = callRecords.aboutSubject(subjects.hashOf(userId), Instant.now().plusSeconds(3600)).stream()
                    .filter(r -> r.xroadId().equals(xroadId)).findFirst().orElseThrow();
            assertThat(record.status()).isEqualTo(200);
            assertThat(record.agreementId()).isEqualTo(agreement.id());
            assertThat(record.purpose()).isEqualTo("核查违停车辆");
            assertThat(record.issue()).isEqualTo("case-2026-17");
            assertThat(record.client()).isEqualTo(CLIENT);
            assertThat(record.serviceId()).isEqualTo(serviceId);
            assertThat(record.dataItems()).containsExactlyInAnyOrder("plate_number", "vehicle_type", "owner_name", "inspection_due");
            assertThat(record.responseDigest()).startsWith("sha256:").hasSize(71);
            assertThat(record.errorCode()).isNull();
        }

        @Test
        void passesTheRestOfThePathTheQueryAndTheXRoadHeadersButNeverTheToken() {
            get(path("/A12345?fields=all&x=%E4%B8%AD"));
            assertThat(provider.lastHeaders.get(":path")).isEqualTo("/vehicles/A12345?fields=all&x=%E4%B8%AD");
            assertThat(provider.lastHeaders.get("x-road-client")).isEqualTo(CLIENT);
            assertThat(provider.lastHeaders.get("x-road-service")).isEqualTo(serviceId);
            assertThat(provider.lastHeaders).containsKey("x-road-id").doesNotContainKey("authorization").doesNotContainKey("cookie");
        }

        @Test
        void minimisesEveryElementOfATopLevelArrayToNothingUnmapped() {
            HttpResponse<String> response = get(path("/array"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("[]").as("$.plate maps object fields, not array elements");
        }

        @Test
        void passesTheProvidersOwnErrorStatusMinimisedToo() {
            HttpResponse<String> response = get(path("/not-found"));
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"plate\":null}");
            assertThat(response.headers().firstValue("X-Road-Error")).isEmpty();
        }

        @Test
        void forwardsARequestBodyAndRefusesOneOverTheLimit() {
            HttpResponse<String> small = send(request(path("/echo-body")).POST(HttpRequest.BodyPublishers.ofString("{\"q\":1}"))
                    .header("Content-Type", "application/json"));
            assertThat(small.body()).isEqualTo("{\"plate\":\"7 bytes\"}");
            HttpResponse<String> large = send(request(path("/echo-body"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024])));
            assertXRoadError(large, 413, ExchangeErrorCode.REQUEST_TOO_LARGE);
        }
    }

    @Nested
    class Refusals {

        @Test
        void refusesACallWithoutAgreementForThatSubsystem() {
            HttpResponse<String> response = send(request(path("/A12345")).setHeader("X-Road-Client", "CW-DEMO/GOV/URBAN-MGMT/parking"));
            assertXRoadError(response, 403, ExchangeErrorCode.NO_AGREEMENT);
        }

        @Test
        void refusesAForgedClient() {
            HttpResponse<String> response = send(request(path("/A12345"))
                    .setHeader("Authorization", "Bearer " + housingToken));
            CallRecord record = assertXRoadError(response, 403, ExchangeErrorCode.FORGED_CLIENT);
            assertThat(record.client()).isEqualTo(CLIENT);
        }

        @Test
        void refusesCallsWithoutAValidToken() {
            assertXRoadError(send(request(path("/A12345")).setHeader("Authorization", "Bearer cw_" + "A".repeat(43))), 401,
                    ExchangeErrorCode.UNAUTHENTICATED);
            assertXRoadError(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path("/A12345")))
                    .header("X-Road-Client", CLIENT)), 401, ExchangeErrorCode.UNAUTHENTICATED);
        }

        @Test
        void refusesMalformedIdentifiers() {
            assertXRoadError(get("/r1/CW-DEMO/GOV/TRANSPORT"), 400, ExchangeErrorCode.BAD_IDENTIFIER);
            assertXRoadError(get("/r1/CW-DEMO/GOV/TRANS%20PORT/vehicles/lookup/A1"), 400, ExchangeErrorCode.BAD_IDENTIFIER);
            assertXRoadError(get("/r1/CW-DEMO/GOV/%27%20OR%201=1--/vehicles/lookup"), 400, ExchangeErrorCode.BAD_IDENTIFIER);
            assertXRoadError(get("/r1/CW-DEMO/GOV/TRANSPORT/vehicles/%E4%B8%AD/A1"), 400, ExchangeErrorCode.BAD_IDENTIFIER);
            // broken UTF-8, encoded dots, percents and backslashes: the servlet container or the HTTP firewall refuses
            // or normalises them first;
            // either way a 4xx and nothing reaches the provider
            provider.lastHeaders.clear();
            for (String nasty : List.of("/r1/CW-DEMO/GOV/TRANSPORT/vehicles/%C0%AE%C0%AE/A1", path("/%2e%2e/%2e%2e/admin"),
                    path("/..;/admin"), path("/a/%252e%252e/admin"), path("/a%5C..%5Cadmin"))) {
                assertThat(get(nasty).statusCode()).as(nasty).isBetween(400, 499);
            }
            assertThat(provider.lastHeaders).doesNotContainKey(":path");
            assertXRoadError(send(request(path("/A1")).setHeader("X-Road-Client", "CW-DEMO/GOV")), 400,
                    ExchangeErrorCode.BAD_IDENTIFIER);
            assertXRoadError(send(request(path("/A1")).setHeader("X-Road-Client", "<script>/x/y/z")), 400,
                    ExchangeErrorCode.BAD_IDENTIFIER);
            assertXRoadError(send(request(path("/A1")).setHeader("X-Road-Id", "x".repeat(300))), 400,
                    ExchangeErrorCode.BAD_IDENTIFIER);
            assertXRoadError(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path("/A1")))
                    .header("Authorization", "Bearer " + urbanToken)), 400, ExchangeErrorCode.CLIENT_MISSING);
            assertXRoadError(get("/r1/CW-DEMO/GOV/TRANSPORT/vehicles/no-such-service/A1"), 404, ExchangeErrorCode.UNKNOWN_SERVICE);
        }

        @Test
        void refusesAnOversizedRequestHeaderWithA4xx() {
            HttpResponse<String> response = send(request(path("/A1")).header("X-Road-Issue", "x".repeat(20_000)));
            assertThat(response.statusCode()).isBetween(400, 499);
        }

        @Test
        void refusesAResentXRoadId() {
            String id = "once-" + UUID.randomUUID();
            assertThat(send(request(path("/A1")).header("X-Road-Id", id)).statusCode()).isEqualTo(200);
            assertXRoadError(send(request(path("/A1")).header("X-Road-Id", id)), 409, ExchangeErrorCode.DUPLICATE_ID);
        }

        @Test
        void refusesCallsUnderSuspendedRevokedOrExpiredAgreements() {
            agreements.suspend(agreement.id(), "audit", "officer");
            assertXRoadError(get(path("/A1")), 403, ExchangeErrorCode.AGREEMENT_SUSPENDED);
            agreements.resume(agreement.id(), "officer");
            assertThat(get(path("/A1")).statusCode()).isEqualTo(200);
            clock.set(Instant.parse("2027-01-01T00:00:00Z"));
            assertXRoadError(get(path("/A1")), 403, ExchangeErrorCode.AGREEMENT_EXPIRED);
            clock.set(MutableClock.START);
            agreements.revoke(agreement.id(), "no longer needed", "officer");
            assertXRoadError(get(path("/A1")), 403, ExchangeErrorCode.AGREEMENT_REVOKED);
        }

        @Test
        void limitsCallsPerMinute() {
            String limited = ExchangeFixtures.newVehicleServiceId();
            services.register(ExchangeFixtures.vehicleService(limited, provider.baseUrl()), staffOf(organisations, "TRANSPORT"));
            agreements.grant(new AgreementTerms(CLIENT, limited, VEHICLES, "p", "b", Set.of("plate_number"),
                    LocalDate.of(2026, 12, 31), 2, 0), "officer");
            assertThat(get("/r1/" + limited + "/A1").statusCode()).isEqualTo(200);
            assertThat(get("/r1/" + limited + "/A1").statusCode()).isEqualTo(200);
            HttpResponse<String> third = get("/r1/" + limited + "/A1");
            assertXRoadError(third, 429, ExchangeErrorCode.RATE_LIMITED);
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Nested
    class FailingProviders {

        @Test
        void aProviderThatIsDown() throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            String down = ExchangeFixtures.newVehicleServiceId();
            services.register(ExchangeFixtures.vehicleService(down, "http://127.0.0.1:" + closedPort + "/vehicles"),
                    staffOf(organisations, "TRANSPORT"));
            agreements.grant(new AgreementTerms(CLIENT, down, VEHICLES, "p", "b", Set.of("plate_number"),
                    LocalDate.of(2026, 12, 31), 100, 0), "officer");
            assertXRoadError(get("/r1/" + down + "/A1"), 502, ExchangeErrorCode.PROVIDER_DOWN);
        }

        @Test
        void aSlowProvider() {
            assertXRoadError(get(path("/slow")), 504, ExchangeErrorCode.PROVIDER_TIMEOUT);
        }

        @Test
        void garbageInsteadOfJson() {
            assertXRoadError(get(path("/garbage")), 502, ExchangeErrorCode.PROVIDER_INVALID_RESPONSE);
        }

        @Test
        void garbageAfterTheResponseStartedCutsTheConnection() {
            assertThatThrownBy(() -> http.send(request(path("/garbage-late")).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
            assertThat(errorsOf(serviceId, 1)).containsExactly(ExchangeErrorCode.PROVIDER_INVALID_RESPONSE.code());
        }

        @Test
        void aDeclaredBodyOverTheLimit() {
            assertXRoadError(get(path("/big-declared")), 502, ExchangeErrorCode.RESPONSE_TOO_LARGE);
        }

        @Test
        void aStreamedBodyOverTheLimitIsCutOff() {
            assertThatThrownBy(() -> http.send(request(path("/big-streamed")).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
            assertThat(errorsOf(serviceId, 1)).containsExactly(ExchangeErrorCode.RESPONSE_TOO_LARGE.code());
        }

        @Test
        void plainTextFromAServiceWithPersonalData() {
            HttpResponse<String> response = get(path("/text"));
            assertXRoadError(response, 502, ExchangeErrorCode.PERSONAL_DATA_NOT_JSON);
            assertThat(response.body()).doesNotContain("110101199003077777");
        }

        @Test
        void oversizedResponseHeaders() {
            assertXRoadError(get(path("/huge-headers")), 502, ExchangeErrorCode.PROVIDER_INVALID_RESPONSE);
        }
    }

    @Nested
    class Directory {

        private String provider() {
            return serviceId.substring(0, serviceId.lastIndexOf('/'));
        }

        @Test
        void listsTheProvidersMethodsAndThoseTheClientMayCall() {
            HttpResponse<String> all = get("/r1/" + provider() + "/listMethods");
            assertThat(all.statusCode()).isEqualTo(200);
            String code = serviceId.substring(serviceId.lastIndexOf('/') + 1);
            assertThat(json(all).path("service").findValuesAsString("service_code")).contains(code);
            HttpResponse<String> allowed = send(request("/r1/" + provider() + "/allowedMethods")
                    .setHeader("X-Road-Client", "CW-DEMO/GOV/URBAN-MGMT/parking"));
            assertThat(json(allowed).path("service").findValuesAsString("service_code")).doesNotContain(code);
            HttpResponse<String> mine = get("/r1/" + provider() + "/allowedMethods");
            assertThat(json(mine).path("service").findValuesAsString("service_code")).contains(code);
            JsonNode entry = json(mine).path("service").get(0);
            assertThat(entry.path("object_type").asString()).isEqualTo("SERVICE");
            assertThat(entry.path("subsystem_code").asString()).isEqualTo("vehicles");
        }

        @Test
        void servesTheOpenApiDescription() {
            String code = serviceId.substring(serviceId.lastIndexOf('/') + 1);
            HttpResponse<String> response = get("/r1/" + provider() + "/getOpenAPI?serviceCode=" + code);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"openapi\":\"3.1.0\"}");
            assertXRoadError(get("/r1/" + provider() + "/getOpenAPI?serviceCode=nothing"), 404, ExchangeErrorCode.UNKNOWN_SERVICE);
            assertXRoadError(get("/r1/" + provider() + "/getOpenAPI"), 400, ExchangeErrorCode.BAD_IDENTIFIER);
        }

        @Test
        void listsClients() {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/listClients?xRoadInstance=CW-DEMO")).header("Authorization", "Bearer " + urbanToken));
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode members = json(response).path("member");
            assertThat(members.findValuesAsString("member_code")).contains("TRANSPORT", "URBAN-MGMT");
            assertThat(members.findValuesAsString("subsystem_code")).contains("vehicles");
            assertThat(json(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/listClients?xRoadInstance=ELSEWHERE")).header("Authorization", "Bearer " + urbanToken))).path("member"))
                    .isEmpty();
        }
    }

    @Test
    void everyCallIsRecordedInABatchWithLedgerEvidence() {
        for (int i = 0; i < 5; i++) {
            get(path("/A" + i));
        }
        get("/r1/CW-DEMO/GOV/TRANSPORT/vehicles/no-such-service/A1");
        errorsOf(serviceId, 5);
        List<Map<String, Object>> rows = jdbc.sql("SELECT c.id, c.batch_id FROM exchange_call c WHERE c.service_id = ?")
                .param(serviceId).query().listOfRows();
        assertThat(rows).hasSize(5);
        for (Map<String, Object> row : rows) {
            assertThat(ExchangeFixtures.evidenceTypes(jdbc, "exchange-batch/" + row.get("batch_id")))
                    .containsExactly("exchange.calls_recorded");
        }
    }
}
