package org.commonweal.exchange;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Every department's agreements at once, for the data authority and auditors (newest first, at most 500). */
@Service
public class AgreementOverview {

    private final JdbcClient jdbc;
    private final Agreements agreements;

    AgreementOverview(JdbcClient jdbc, Agreements agreements) {
        this.jdbc = jdbc;
        this.agreements = agreements;
    }

    public List<Agreement> all() {
        return jdbc.sql("SELECT id FROM exchange_agreement ORDER BY granted_at DESC, id LIMIT 500").query(UUID.class).list()
                .stream().map(agreements::find).flatMap(Optional::stream).toList();
    }
}
