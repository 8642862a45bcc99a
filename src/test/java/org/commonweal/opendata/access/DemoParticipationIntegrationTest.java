package org.commonweal.opendata.access;

import java.util.List;

import org.commonweal.identity.Accounts;
import org.commonweal.support.CommonwealIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo city starts with applications in each state, answered requests and shown reuses. */
@CommonwealIntegrationTest
class DemoParticipationIntegrationTest {

    @Autowired
    DemoParticipation demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Test
    void theDemoCityHasParticipationOnceItsDatasetsExist() throws InterruptedException {
        new Participants(accounts, jdbc).waitForDemo();
        assertThat(demo.added()).isTrue();

        assertThat(states("opendata_access_application", "applicant_id = '" + id("member.water") + "'")).contains("APPROVED");
        assertThat(jdbc.sql("SELECT count(*) FROM opendata_access_key k JOIN opendata_access_application a ON a.id = k.application_id"
                + " WHERE a.applicant_id = ?::uuid").param(id("member.water")).query(Integer.class).single()).isPositive();
        assertThat(states("opendata_access_application", "applicant_id = '" + id("member.volunteers") + "'")).contains("PENDING");
        assertThat(states("opendata_access_application", "applicant_id = '" + id("citizen.zhao") + "'")).contains("REFUSED");
        assertThat(states("opendata_feedback", "TRUE")).contains("OPEN", "ANSWERED", "DECLINED");
        assertThat(states("opendata_reuse", "TRUE")).contains("APPROVED", "PENDING");
        assertThat(jdbc.sql("SELECT count(*) FROM opendata_participation_demo").query(Integer.class).single()).isEqualTo(1);
    }

    private List<String> states(String table, String where) {
        return jdbc.sql("SELECT DISTINCT state FROM " + table + " WHERE " + where).query(String.class).list();
    }

    private String id(String username) {
        return accounts.findByUsername(username).orElseThrow().id().toString();
    }
}
