package org.commonweal.opendata.access;

import java.util.List;

import org.commonweal.identity.Account;
import org.commonweal.identity.Accounts;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.ledger.StoredEvidence;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo city's people as the services see them, and the public ledger's text, for participation tests. */
public record Participants(Accounts accounts, JdbcClient jdbc) {

    public CommonwealUser user(String username) {
        Account a = accounts.findByUsername(username).orElseThrow();
        return new CommonwealUser(a.id(), a.displayName(), a.organisationId(), a.roles(), false);
    }

    /**
     * Waits (at most a minute) until the demo city's datasets and participation exist: they are
     * added asynchronously after the application starts, and a test class may be the first to run.
     */
    public Participants waitForDemo() {
        for (int i = 0; i < 600 && jdbc.sql("SELECT count(*) FROM opendata_participation_demo").query(Integer.class).single() == 0; i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return this;
    }

    /** Every ledger entry of these types, pending or sequenced, as text. */
    public List<String> evidence(String typePrefix) {
        return StoredEvidence.matching(jdbc, "type LIKE ?", typePrefix + "%").stream().map(StoredEvidence.Text::entry).toList();
    }
}
