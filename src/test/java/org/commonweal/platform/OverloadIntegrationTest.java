package org.commonweal.platform;

import java.net.http.HttpResponse;

import javax.sql.DataSource;

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
