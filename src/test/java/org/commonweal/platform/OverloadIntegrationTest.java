package org.commonweal.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import javax.sql.DataSource;

import org.commonweal.identity.Accounts;
import org.commonweal.identity.ApiTokens;
import org.commonweal.identity.OrganisationIdentifier;
import org.commonweal.identity.Organisations;
import org.commonweal.support.BusyDatabase;
import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When every database connection is in use, pages and APIs answer 503 with Retry-After and a
 * message a person can act on, not a 500 that reads like a bug; once a connection is free again
 * the same address works.
 */
@CommonwealIntegrationTest
class OverloadIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Organisations organisations;

    @Autowired
    Accounts accounts;

    @Test
    void anApiAnswersServiceUnavailableWithRetryAfterAndAProblemDetail() throws Exception {
        WebSession visitor = new WebSession(port);
        HttpResponse<String> busy;
        try (BusyDatabase ignored = BusyDatabase.holdEveryConnection(dataSource)) {
            busy = visitor.getJson("/api/v1/ledger/entries/0");
        }
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(busy.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(busy.body()).contains("\"code\":\"service_busy\"", "\"status\":503", "try again").doesNotContain("Exception", "Hikari");

        assertThat(visitor.getJson("/api/v1/ledger/entries/0").statusCode()).isEqualTo(200);
    }

    @Test
    void aCallWithAnApiTokenAnswersServiceUnavailableWhenTheTokenCannotBeChecked() throws Exception {
        UUID transport = organisations.find(OrganisationIdentifier.parse("CW-DEMO/GOV/TRANSPORT")).orElseThrow().id();
        String token = tokens.issue(transport, "overload test", accounts.findByUsername("admin").orElseThrow().id()).secret();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest call = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/catalogue/resources"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build();
        HttpResponse<String> busy;
        try (BusyDatabase ignored = BusyDatabase.holdEveryConnection(dataSource)) {
            busy = http.send(call, HttpResponse.BodyHandlers.ofString());
        }
        assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(busy.body()).contains("\"code\":\"service_busy\"").doesNotContain("Exception");

        assertThat(http.send(call, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void aPageAnswersServiceUnavailableInTheReadersLanguage() throws Exception {
        WebSession visitor = new WebSession(port);
        HttpResponse<String> chinese;
        HttpResponse<String> english;
        try (BusyDatabase ignored = BusyDatabase.holdEveryConnection(dataSource)) {
            chinese = visitor.get("/data/open-list");
            english = visitor.get("/data/open-list?lang=en");
        }
        assertThat(chinese.statusCode()).isEqualTo(503);
        assertThat(chinese.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(chinese.body()).contains("系统繁忙", "请过几秒钟再试").doesNotContain("Exception");
        assertThat(english.statusCode()).isEqualTo(503);
        assertThat(english.body()).contains("The service is busy", "try again in a few seconds");

        assertThat(visitor.get("/data/open-list").statusCode()).isEqualTo(200);
    }
}
