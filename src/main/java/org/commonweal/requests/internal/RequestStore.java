package org.commonweal.requests.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.commonweal.requests.Rating;
import org.commonweal.requests.RequestStatus;
import org.commonweal.requests.RequestUpdate;
import org.commonweal.requests.ServiceRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes requests and their updates. Every change bumps the version (optimistic locking). */
@Repository
public class RequestStore {

    public static final String COLUMNS = "id, tracking_number, service_code, description, address, lat, lon,"
            + " district_code, attributes::text AS attributes, status, status_notes, department_id, transfer_to_id,"
            + " transfer_count, citizen_id, contact_name, contact_email, contact_phone, name_public, source,"
            + " submitted_at, updated_at, response_due, resolution_due, first_response_at, paused_at, escalated_at,"
            + " resolved_at, closed_at, reopen_count, rating, rated_solved, rating_comment, merged_into,"
            + " support_count, version";

    private static final String UPDATE_COLUMNS = "SELECT id, request_id, kind, status, note, public, actor_id,"
            + " department_id, to_department, at FROM requests_update";

    private static final TypeReference<Map<String, List<String>>> ATTRIBUTES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final JsonMapper json;

    RequestStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, JsonMapper json) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.json = json;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** For batches: several rows in one round trip. */
    public JdbcTemplate jdbcTemplate() {
        return jdbcTemplate;
    }

    /** What is stored beside a new request but never shown with it. */
    public record Secrets(@Nullable UUID clientId, @Nullable String idempotencyKey, @Nullable String fingerprint,
                          @Nullable String citizenKeyHash, String token) {
    }

    /** A new request to insert, unless the same client sent the same report (same fingerprint) at or after {@code resentSince}. */
    public record NewRow(ServiceRequest request, Secrets secrets, @Nullable Instant resentSince) {
    }

    /**
     * Inserts a new request, unless the same client sent the same report (same fingerprint) at or
     * after {@code resentSince}: the check and the insert are one statement, one round trip.
     *
     * @param resentSince null to insert whatever was sent before
     * @return false if nothing was inserted because the report was sent before
     */
    public boolean insert(ServiceRequest r, Secrets secrets, @Nullable Instant resentSince) {
        return insert(List.of(new NewRow(r, secrets, resentSince)))[0];
    }

    /**
     * Inserts new requests in order, in one round trip; each one's check sees the rows inserted
     * before it, so a report resent within the list is found as well.
     *
     * @return for each row, whether it was inserted
     */
    public boolean[] insert(List<NewRow> rows) {
        // Casts, because in INSERT ... SELECT the parameters' types are not taken from the columns.
        int[] counts = jdbcTemplate.batchUpdate("INSERT INTO requests_request (id, tracking_number, service_code,"
                + " description, address, lat, lon, district_code, attributes, status, department_id, citizen_id,"
                + " contact_name, contact_email, contact_phone, name_public, source, client_id, idempotency_key,"
                + " submitted_at, updated_at, response_due, resolution_due, citizen_key_hash, token, fingerprint)"
                + " SELECT ?::uuid, ?, ?, ?, ?, ?::float8, ?::float8, ?, ?::jsonb, ?, ?::uuid, ?::uuid, ?, ?, ?,"
                + " ?::boolean, ?, ?::uuid, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz, ?::timestamptz, ?, ?, ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM requests_request WHERE client_id = ?::uuid AND fingerprint = ?"
                + " AND submitted_at >= ?::timestamptz)", rows.stream().map(this::insertParameters).toList());
        boolean[] inserted = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            inserted[i] = counts[i] == 1;
        }
        return inserted;
    }

    private Object[] insertParameters(NewRow row) {
        ServiceRequest r = row.request();
        Secrets secrets = row.secrets();
        return new Object[]{r.id(), r.trackingNumber(), r.serviceCode(), r.description(), r.address(), r.lat(), r.lon(),
                r.districtCode(), json.writeValueAsString(r.attributes()), r.status().name(), r.departmentId(),
                r.citizenId(), r.contactName(), r.contactEmail(), r.contactPhone(), r.namePublic(), r.source(),
                secrets.clientId(), secrets.idempotencyKey(), ts(r.submittedAt()), ts(r.updatedAt()),
                ts(r.responseDue()), ts(r.resolutionDue()), secrets.citizenKeyHash(), secrets.token(),
                secrets.fingerprint(), secrets.clientId(), secrets.fingerprint(),
                row.resentSince() == null ? null : ts(row.resentSince())};
    }

    public Optional<ServiceRequest> byTrackingNumber(String trackingNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM requests_request WHERE tracking_number = ?")
                .param(trackingNumber).query(this::map).optional();
    }

    public Optional<ServiceRequest> byToken(String token) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM requests_request WHERE token = ?").param(token).query(this::map).optional();
    }

    /** The organisation of the API client that submitted the request, if one did. */
    public Optional<UUID> clientOf(UUID id) {
        return jdbc.sql("SELECT client_id FROM requests_request WHERE id = ? AND client_id IS NOT NULL").param(id)
                .query(UUID.class).optional();
    }

    public Optional<String> tokenOf(UUID id) {
        return jdbc.sql("SELECT token FROM requests_request WHERE id = ?").param(id).query(String.class).optional();
    }

    /** Whether the key from an anonymous requester's receipt belongs to this request. */
    public boolean keyMatches(UUID id, String keyHash) {
        return jdbc.sql("SELECT count(*) FROM requests_request WHERE id = ? AND citizen_key_hash = ?")
                .params(id, keyHash).query(Integer.class).single() == 1;
    }

    public Optional<ServiceRequest> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM requests_request WHERE id = ?").param(id).query(this::map).optional();
    }

    /** The row locked for a change, so that concurrent changes to one request queue up. */
    public Optional<ServiceRequest> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM requests_request WHERE id = ? FOR UPDATE").param(id)
                .query(this::map).optional();
    }

    public Optional<ServiceRequest> byIdempotencyKey(UUID clientId, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM requests_request WHERE client_id = ? AND idempotency_key = ?")
                .params(clientId, key).query(this::map).optional();
    }

    /** The same report from the same client within the replay window: a resent POST, not a new request. */
    public Optional<ServiceRequest> recentIdentical(UUID clientId, String fingerprint, Instant since) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM requests_request WHERE client_id = ? AND fingerprint = ?"
                        + " AND submitted_at >= ? ORDER BY submitted_at LIMIT 1")
                .params(clientId, fingerprint, ts(since)).query(this::map).optional();
    }

    public List<ServiceRequest> list(String where, Object... params) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM requests_request WHERE " + where).params(params)
                .query(this::map).list();
    }

    /** Adds history rows in one round trip. */
    public void addUpdates(List<RequestUpdate> updates) {
        jdbcTemplate.batchUpdate("INSERT INTO requests_update (id, request_id, kind, status, note, public, actor_id,"
                + " department_id, to_department, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", updates.stream()
                .map(update -> new Object[]{update.id(), update.requestId(), update.kind().name(), update.status().name(),
                        update.note(), update.isPublic(), update.actorId(), update.departmentId(), update.toDepartment(),
                        ts(update.at())})
                .toList());
    }

    public List<RequestUpdate> updates(UUID requestId, boolean publicOnly) {
        return jdbc.sql(UPDATE_COLUMNS + " WHERE request_id = ?" + (publicOnly ? " AND public" : "")
                        + " ORDER BY seq")
                .param(requestId).query(RequestStore::mapUpdate).list();
    }

    /** Public updates made in [start, end), oldest first (Open311 servicerequestupdates). */
    public List<RequestUpdate> publicUpdatesBetween(Instant start, Instant end, int limit) {
        return jdbc.sql(UPDATE_COLUMNS + " WHERE public AND at >= ? AND at < ? ORDER BY at, seq LIMIT ?")
                .params(ts(start), ts(end), limit).query(RequestStore::mapUpdate).list();
    }

    private static RequestUpdate mapUpdate(ResultSet rs, int row) throws SQLException {
        return new RequestUpdate(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class),
                RequestUpdate.Kind.valueOf(rs.getString("kind")), RequestStatus.valueOf(rs.getString("status")),
                rs.getString("note"), rs.getBoolean("public"), rs.getObject("actor_id", UUID.class),
                rs.getObject("department_id", UUID.class), rs.getObject("to_department", UUID.class),
                rs.getTimestamp("at").toInstant());
    }

    public ServiceRequest map(ResultSet rs, int row) throws SQLException {
        String rating = rs.getString("rating");
        return new ServiceRequest(rs.getObject("id", UUID.class), rs.getString("tracking_number"),
                rs.getString("service_code"), rs.getString("description"), rs.getString("address"),
                rs.getObject("lat", Double.class), rs.getObject("lon", Double.class), rs.getString("district_code"),
                json.readValue(rs.getString("attributes"), ATTRIBUTES), RequestStatus.valueOf(rs.getString("status")),
                rs.getString("status_notes"), rs.getObject("department_id", UUID.class),
                rs.getObject("transfer_to_id", UUID.class), rs.getInt("transfer_count"),
                rs.getObject("citizen_id", UUID.class), rs.getString("contact_name"), rs.getString("contact_email"),
                rs.getString("contact_phone"), rs.getBoolean("name_public"), rs.getString("source"),
                instant(rs, "submitted_at"), instant(rs, "updated_at"), instant(rs, "response_due"),
                instant(rs, "resolution_due"), nullableInstant(rs, "first_response_at"),
                nullableInstant(rs, "paused_at"), nullableInstant(rs, "escalated_at"),
                nullableInstant(rs, "resolved_at"), nullableInstant(rs, "closed_at"), rs.getInt("reopen_count"),
                rating == null ? null : Rating.valueOf(rating), rs.getObject("rated_solved", Boolean.class),
                rs.getString("rating_comment"), rs.getObject("merged_into", UUID.class), rs.getInt("support_count"),
                rs.getInt("version"));
    }

    public static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    public static @Nullable Timestamp tsOrNull(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
