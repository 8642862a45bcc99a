package org.commonweal.exchange;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.commonweal.calendar.WorkingCalendar;
import org.commonweal.exchange.internal.CallLeaf;
import org.commonweal.exchange.internal.CallRecorder;
import org.commonweal.exchange.internal.MerkleTree;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The record of calls through the gateway: what a data subject may see about themselves, counts
 * for statistics, and the proof that a call is in a batch the ledger vouches for. A call appears
 * here once its batch is written, within about {@code commonweal.exchange.flush-interval}.
 */
@Service
public class CallRecords {

    private static final String COLUMNS = "id, xroad_id, client, service_id, agreement_id, purpose, issue, subject_hash,"
            + " data_items, at, visible_to_subject_from, status, error_code, request_digest, response_digest, duration_micros";
    private static final int MAX_ROWS = 1000;

    private final JdbcClient jdbc;
    private final CallRecorder recorder;
    private final WorkingCalendar calendar;

    CallRecords(JdbcClient jdbc, CallRecorder recorder, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.recorder = recorder;
        this.calendar = calendar;
    }

    /**
     * The calls about a data subject that the subject may see at {@code visibleAt} (the agreement's
     * tracker delay has passed), newest first, at most 1000.
     */
    public List<CallRecord> aboutSubject(String subjectHash, Instant visibleAt) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_call WHERE subject_hash = ? AND visible_to_subject_from <= ?"
                        + " ORDER BY at DESC, id LIMIT " + MAX_ROWS)
                .params(subjectHash, Timestamp.from(visibleAt)).query(CallRecords::map).list();
    }

    public Optional<CallRecord> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_call WHERE id = ?").param(id).query(CallRecords::map).optional();
    }

    /** The latest calls under one agreement, newest first, at most {@code limit} (up to 1000). */
    public List<CallRecord> ofAgreement(UUID agreementId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_call WHERE agreement_id = ? ORDER BY at DESC, id LIMIT ?")
                .params(agreementId, Math.clamp(limit, 1, MAX_ROWS)).query(CallRecords::map).list();
    }

    /**
     * Calls per day, resource and consumer between two days (inclusive, city time zone), optionally
     * only one provider's or one consumer's.
     */
    public List<CallCount> daily(LocalDate from, LocalDate to, @Nullable String providerMember, @Nullable String consumerMember) {
        String zone = calendar.zone().getId();
        return jdbc.sql("SELECT (at AT TIME ZONE :zone)::date AS day, coalesce(resource_code, '') AS resource_code,"
                        + " consumer_member, provider_member, count(*) AS calls, count(*) FILTER (WHERE status >= 400) AS failed"
                        + " FROM exchange_call WHERE at >= :start AND at < :end"
                        + " AND (CAST(:provider AS text) IS NULL OR provider_member = :provider)"
                        + " AND (CAST(:consumer AS text) IS NULL OR consumer_member = :consumer)"
                        + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3")
                .param("zone", zone)
                .param("start", Timestamp.from(from.atStartOfDay(calendar.zone()).toInstant()))
                .param("end", Timestamp.from(to.plusDays(1).atStartOfDay(calendar.zone()).toInstant()))
                .param("provider", providerMember)
                .param("consumer", consumerMember)
                .query((rs, n) -> new CallCount(rs.getDate("day").toLocalDate(), rs.getString("resource_code"),
                        rs.getString("consumer_member"), rs.getString("provider_member"), rs.getLong("calls"), rs.getLong("failed")))
                .list();
    }

    /** The proof that a recorded call is in its batch, whose root is in the ledger. */
    public Optional<CallInclusionProof> inclusionProof(UUID callId) {
        record Position(long batchId, int index) {
        }
        Optional<Position> position = jdbc.sql("SELECT batch_id, batch_index FROM exchange_call WHERE id = ?").param(callId)
                .query((rs, n) -> new Position(rs.getLong(1), rs.getInt(2))).optional();
        return position.map(at -> {
            List<byte[]> leaves = jdbc.sql("SELECT leaf_hash FROM exchange_call WHERE batch_id = ? ORDER BY batch_index")
                    .param(at.batchId()).query((rs, n) -> rs.getBytes(1)).list();
            byte[] root = jdbc.sql("SELECT root FROM exchange_call_batch WHERE id = ?").param(at.batchId())
                    .query((rs, n) -> rs.getBytes(1)).single();
            HexFormat hex = HexFormat.of();
            CallRecord call = find(callId).orElseThrow();
            return new CallInclusionProof(at.batchId(), at.index(), leaves.size(),
                    new String(CallLeaf.bytes(call), java.nio.charset.StandardCharsets.UTF_8),
                    MerkleTree.inclusionPath(leaves, at.index()).stream().map(hex::formatHex).toList(), hex.formatHex(root));
        });
    }

    /** Writes the calls still queued in memory now, instead of at the next flush; returns how many. */
    public int flushNow() {
        return recorder.flush();
    }

    private static CallRecord map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new CallRecord(rs.getObject("id", UUID.class), rs.getString("xroad_id"), rs.getString("client"),
                rs.getString("service_id"), rs.getObject("agreement_id", UUID.class), rs.getString("purpose"),
                rs.getString("issue"), rs.getString("subject_hash"), Set.of((String[]) rs.getArray("data_items").getArray()),
                rs.getTimestamp("at").toInstant(), rs.getTimestamp("visible_to_subject_from").toInstant(), rs.getInt("status"),
                rs.getString("error_code"), rs.getString("request_digest"), rs.getString("response_digest"),
                rs.getLong("duration_micros"));
    }
}
