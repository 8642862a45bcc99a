package org.commonweal.requests;

import java.util.Random;
import java.util.Set;

import org.commonweal.requests.internal.DemoRequests;
import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo city starts with requests in every state. Generated inside a transaction that is rolled
 * back, so the other tests' inboxes and figures stay exact.
 */
@CommonwealIntegrationTest
class DemoRequestsIntegrationTest {

    @Autowired
    DemoRequests demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MutableClock clock;

    @Test
    void fillsEveryStateWithRequestsTheFormWouldAccept() {
        clock.set(MutableClock.START);
        transactions.executeWithoutResult(tx -> {
            int before = count("TRUE");
            int made = demo.generate(400, new Random(7));

            assertThat(count("TRUE") - before).isEqualTo(made).isGreaterThanOrEqualTo(400);
            Set<String> statuses = Set.copyOf(jdbc.sql("SELECT DISTINCT status FROM requests_request").query(String.class).list());
            assertThat(statuses).containsExactlyInAnyOrder("UNROUTED", "SUBMITTED", "IN_PROGRESS", "WAITING_FOR_CITIZEN",
                    "RESOLVED", "CLOSED");
            assertThat(count("rating IS NOT NULL")).isGreaterThan(100);
            assertThat(count("escalated_at IS NOT NULL")).isPositive();
            assertThat(count("transfer_count > 0")).isPositive();
            assertThat(count("district_code IS NULL AND lat IS NOT NULL")).as("every place lies in a district").isZero();
            assertThat(jdbc.sql("SELECT count(DISTINCT date_trunc('month', submitted_at)) FROM requests_request")
                    .query(Integer.class).single()).isGreaterThanOrEqualTo(6);
            assertThat(count("first_response_at < submitted_at OR resolved_at < first_response_at OR rated_at < resolved_at"))
                    .as("histories run forward").isZero();
            tx.setRollbackOnly();
        });
    }

    private int count(String where) {
        return jdbc.sql("SELECT count(*) FROM requests_request WHERE " + where).query(Integer.class).single();
    }
}
