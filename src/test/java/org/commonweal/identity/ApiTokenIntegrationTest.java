package org.commonweal.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A department's own system calls the APIs with a token that is shown once and stored hashed. */
@CommonwealIntegrationTest
class ApiTokenIntegrationTest {

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

    @Autowired
    MutableClock clock;

    private UUID transport;
    private ApiTokens.IssuedToken issued;

    @BeforeEach
    void issueToken() {
        transport = organisations.find(OrganisationIdentifier.of("CW-DEMO", "GOV", "TRANSPORT")).orElseThrow().id();
        UUID admin = accounts.findByUsername("admin.transport").orElseThrow().id();
        issued = tokens.issue(transport, "Permit system", admin);
    }

    @Test
    void storesOnlyADigestOfTheToken() {
        String stored = jdbc.sql("SELECT token_hash FROM identity_api_token WHERE id = ?").param(issued.info().id())
                .query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain(issued.secret().substring(3));
        assertThat(issued.info().hint()).startsWith(issued.secret().substring(0, 7)).hasSizeLessThan(12);
    }

    @Nested
    class Calling {

        @Test
        void identifiesTheCallingDepartment() {
            HttpResponse<String> response = call("/api/v1/me", "Bearer " + issued.secret());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"machineClient\":true").contains("CW-DEMO/GOV/TRANSPORT");
        }

        @Test
        void seesItsOwnDepartmentButNotAnother() {
            assertThat(call("/api/v1/organisations/CW-DEMO/GOV/TRANSPORT/staff", "Bearer " + issued.secret()).statusCode())
                    .isEqualTo(200);
            HttpResponse<String> other = call("/api/v1/organisations/CW-DEMO/GOV/HOUSING/staff", "Bearer " + issued.secret());
            assertThat(other.statusCode()).isEqualTo(403);
            assertThat(other.body()).contains("\"code\":\"other_department\"");
        }

        @Test
        void refusesARevokedToken() {
            // used first, so that the token is remembered as good: revoking must forget it
            assertThat(call("/api/v1/me", "Bearer " + issued.secret()).statusCode()).isEqualTo(200);
            tokens.revoke(transport, issued.info().id());
            HttpResponse<String> response = call("/api/v1/me", "Bearer " + issued.secret());
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"code\":\"unauthenticated\"");
        }

        @Test
        void refusesWithinFiveSecondsATokenRevokedByAnotherInstance() {
            assertThat(call("/api/v1/me", "Bearer " + issued.secret()).statusCode()).isEqualTo(200);
            // another instance of the application revokes it: this one learns only from the database
            jdbc.sql("UPDATE identity_api_token SET revoked_at = now() WHERE id = ?").param(issued.info().id()).update();
            clock.advance(ApiTokens.REMEMBERED);
            assertThat(call("/api/v1/me", "Bearer " + issued.secret()).statusCode()).isEqualTo(401);
        }

        @Test
        void refusesUnknownOrMalformedTokensEvenForPublicEndpoints() {
            assertThat(call("/api/v1/me", "Bearer cw_" + "A".repeat(43)).statusCode()).isEqualTo(401);
            assertThat(call("/api/v1/organisations", "Bearer ' OR 1=1 --").statusCode()).isEqualTo(401);
            assertThat(call("/api/v1/me", "Basic YWRtaW46YWRtaW4=").statusCode()).isEqualTo(401);
            assertThat(call("/api/v1/me", "Bearer " + "x".repeat(4_000)).statusCode()).isEqualTo(401);
            // larger than the server's header limit: refused by the HTTP layer, still a 4xx
            assertThat(call("/api/v1/me", "Bearer " + "x".repeat(20_000)).statusCode()).isBetween(400, 499);
        }

        @Test
        void answersUnknownIdentifiersWithProblemDetails() {
            HttpResponse<String> missing = call("/api/v1/organisations/CW-DEMO/GOV/NOPE", "Bearer " + issued.secret());
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("\"code\":\"organisation_not_found\"").doesNotContain("Exception");
            HttpResponse<String> malformed = call("/api/v1/organisations/CW-DEMO/GOV/%3Cscript%3E", "Bearer " + issued.secret());
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.body()).contains("\"code\":\"invalid_request\"").doesNotContain("<script>");
        }

        @Test
        void refusesWrongMethodsWithAProblemDetail() {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/me"))
                    .header("Authorization", "Bearer " + issued.secret())
                    .DELETE().build());
            assertThat(response.statusCode()).isEqualTo(405);
            assertThat(response.body()).contains("\"code\":\"method_not_allowed\"");
        }
    }

    private HttpResponse<String> call(String path, String authorization) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization)
                .header("Accept", "application/json").GET().build());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
