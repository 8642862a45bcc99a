package org.commonweal.requests.open311;

import java.net.http.HttpResponse;

import javax.sql.DataSource;

import org.commonweal.support.BusyDatabase;
import org.commonweal.support.CommonwealIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A client system that POSTs while every database connection is busy is told, in Open311's format, to try again. */
@CommonwealIntegrationTest
class Open311OverloadIntegrationTest extends Open311TestSupport {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void asksToRetryLaterWhenEveryDatabaseConnectionIsInUse() throws Exception {
        String description = "Busy-hour pothole " + java.util.UUID.randomUUID();
        HttpResponse<String> json;
        HttpResponse<String> xml;
        try (BusyDatabase ignored = BusyDatabase.holdEveryConnection(dataSource)) {
            json = open311.post("/open311/v2/requests.json", roadDamage("description", description));
            xml = open311.post("/open311/v2/requests.xml", roadDamage("description", description));
        }
        assertError(json, 503, Format.JSON);
        assertThat(json.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(json.body()).contains("try again");
        assertError(xml, 503, Format.XML);
        assertThat(jdbc.sql("SELECT count(*) FROM requests_request WHERE description = ?").param(description)
                .query(Integer.class).single()).as("nothing half-written").isZero();

        HttpResponse<String> retried = open311.post("/open311/v2/requests.json", roadDamage("description", description));
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
    }
}
