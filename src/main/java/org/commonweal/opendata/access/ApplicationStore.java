package org.commonweal.opendata.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Applications and access keys in PostgreSQL. */
@Repository
class ApplicationStore {

    private final JdbcClient jdbc;

    ApplicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the applicant already has a pending application for the dataset (inserted meanwhile). */
    boolean insert(Application a) {
        return jdbc.sql("INSERT INTO opendata_access_application (id, dataset_id, department_id, applicant_id, organisation_id,"
                        + " applicant_kind, affiliation, purpose, intended_use, period_start, period_end, state, submitted_at,"
                        + " due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)"
                        + " ON CONFLICT (dataset_id, applicant_id) WHERE state = 'PENDING' DO NOTHING")
                .params(a.id(), a.datasetId(), a.departmentId(), a.applicantId(), a.organisationId(), a.applicantKind().name(),
                        a.affiliation(), a.purpose(), a.intendedUse(), a.periodStart(), a.periodEnd(),
                        Timestamp.from(a.submittedAt()), Timestamp.from(a.dueAt()))
                .update() == 1;
    }

    Optional<Application> find(UUID id) {
        return jdbc.sql("SELECT * FROM opendata_access_application WHERE id = ?").param(id).query(ApplicationStore::map).optional();
    }

    Optional<Application> pending(UUID datasetId, UUID applicantId) {
        return jdbc.sql("SELECT * FROM opendata_access_application WHERE dataset_id = ? AND applicant_id = ? AND state = 'PENDING'")
                .params(datasetId, applicantId).query(ApplicationStore::map).optional();
    }

    List<Application> ofApplicant(UUID applicantId) {
        return jdbc.sql("SELECT * FROM opendata_access_application WHERE applicant_id = ? ORDER BY submitted_at DESC LIMIT 200")
                .param(applicantId).query(ApplicationStore::map).list();
    }

    /** Pending first, earliest deadline first; then the latest decisions. */
    List<Application> ofDepartment(UUID departmentId) {
        return jdbc.sql("(SELECT * FROM opendata_access_application WHERE department_id = ? AND state = 'PENDING'"
                        + " ORDER BY due_at LIMIT 200) UNION ALL (SELECT * FROM opendata_access_application"
                        + " WHERE department_id = ? AND state <> 'PENDING' ORDER BY decided_at DESC LIMIT 50)")
                .params(departmentId, departmentId).query(ApplicationStore::map).list();
    }

    boolean approvedCovering(UUID datasetId, UUID applicantId, java.time.LocalDate today) {
        return jdbc.sql("SELECT count(*) FROM opendata_access_application WHERE dataset_id = ? AND applicant_id = ?"
                        + " AND state = 'APPROVED' AND revoked_at IS NULL AND period_start <= ? AND period_end >= ?")
                .params(datasetId, applicantId, today, today).query(Long.class).single() > 0;
    }

    /** Decides a pending application seen at {@code version}; false when it changed or was decided meanwhile. */
    boolean decide(UUID id, int version, Application.State state, @Nullable String reason, Instant at) {
        return jdbc.sql("UPDATE opendata_access_application SET state = ?, reason = ?, decided_at = ?, version = version + 1"
                        + " WHERE id = ? AND version = ? AND state = 'PENDING'")
                .params(state.name(), reason, Timestamp.from(at), id, version).update() == 1;
    }

    boolean revokeApplication(UUID id, Instant at) {
        return jdbc.sql("UPDATE opendata_access_application SET revoked_at = ?, version = version + 1"
                        + " WHERE id = ? AND state = 'APPROVED' AND revoked_at IS NULL")
                .params(Timestamp.from(at), id).update() == 1;
    }

    void insertKey(UUID id, UUID applicationId, UUID datasetId, String hash, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("INSERT INTO opendata_access_key (id, application_id, dataset_id, key_hash, issued_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, applicationId, datasetId, hash, Timestamp.from(issuedAt), Timestamp.from(expiresAt)).update();
    }

    int revokeKeys(UUID applicationId, Instant at) {
        return jdbc.sql("UPDATE opendata_access_key SET revoked_at = ? WHERE application_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(at), applicationId).update();
    }

    /** The application a key was issued for when the key is live for this dataset now. */
    Optional<UUID> liveKey(UUID datasetId, String hash, Instant now) {
        return jdbc.sql("SELECT k.application_id FROM opendata_access_key k JOIN opendata_access_application a"
                        + " ON a.id = k.application_id WHERE k.key_hash = ? AND k.dataset_id = ? AND k.revoked_at IS NULL"
                        + " AND k.expires_at > ? AND a.state = 'APPROVED' AND a.revoked_at IS NULL")
                .params(hash, datasetId, Timestamp.from(now)).query(UUID.class).optional();
    }

    /** When the application's current key expires, if it has one. */
    Optional<Instant> activeKeyExpiry(UUID applicationId, Instant now) {
        return jdbc.sql("SELECT max(expires_at) FROM opendata_access_key WHERE application_id = ? AND revoked_at IS NULL"
                        + " AND expires_at > ?").params(applicationId, Timestamp.from(now))
                .query((rs, n) -> rs.getTimestamp(1)).optional().map(Timestamp::toInstant);
    }

    private static Application map(ResultSet rs, int row) throws SQLException {
        return new Application(rs.getObject("id", UUID.class), rs.getObject("dataset_id", UUID.class),
                rs.getObject("department_id", UUID.class), rs.getObject("applicant_id", UUID.class),
                rs.getObject("organisation_id", UUID.class), Application.ApplicantKind.valueOf(rs.getString("applicant_kind")),
                rs.getString("affiliation"), rs.getString("purpose"), rs.getString("intended_use"),
                rs.getObject("period_start", java.time.LocalDate.class), rs.getObject("period_end", java.time.LocalDate.class),
                Application.State.valueOf(rs.getString("state")), rs.getString("reason"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getTimestamp("due_at").toInstant(),
                instant(rs, "decided_at"), instant(rs, "revoked_at"), rs.getInt("version"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
