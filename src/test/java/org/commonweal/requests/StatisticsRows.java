package org.commonweal.requests;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests written straight into {@code requests_request} with the timestamps and ratings a
 * statistics test needs, and removed again afterwards, so that other tests sharing the database
 * see none of them. Times are written with their offset, {@code 2019-06-03T10:00+08:00}. None of
 * them is open: the escalation job, which acts on open overdue requests, must leave them alone.
 */
final class StatisticsRows {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final List<UUID> stored = new ArrayList<>();

    StatisticsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A request submitted at that time, due for first contact 4 hours later; nothing else happened yet. */
    Row submitted(String at) {
        return new Row(OffsetDateTime.parse(at).toInstant());
    }

    /** Removes every request stored through this object. */
    void removeAll() {
        if (!stored.isEmpty()) {
            jdbc.sql("DELETE FROM requests_request WHERE id = ANY (?)").param(stored.toArray(UUID[]::new)).update();
            stored.clear();
        }
    }

    final class Row {

        private final Instant submittedAt;
        private String category = "noise";
        private @Nullable String district = "LINJIANG";
        private @Nullable UUID department;
        private Duration responseWithin = Duration.ofHours(4);
        private @Nullable Duration contactedAfter;
        private @Nullable Rating rating;
        private @Nullable Boolean solved;
        private @Nullable UUID mergedInto;

        private Row(Instant submittedAt) {
            this.submittedAt = submittedAt;
        }

        Row category(String code) {
            category = code;
            return this;
        }

        Row district(@Nullable String code) {
            district = code;
            return this;
        }

        Row department(@Nullable UUID id) {
            department = id;
            return this;
        }

        Row contactedOnTime() {
            contactedAfter = responseWithin.dividedBy(2);
            return this;
        }

        Row contactedLate() {
            contactedAfter = responseWithin.plusHours(1);
            return this;
        }

        Row rated(Rating verdict, boolean saysSolved) {
            rating = verdict;
            solved = saysSolved;
            return this;
        }

        Row mergedInto(UUID id) {
            mergedInto = id;
            return this;
        }

        /** Stores {@code count} such requests. */
        void times(int count) {
            for (int i = 0; i < count; i++) {
                store();
            }
        }

        UUID store() {
            UUID id = UUID.randomUUID();
            Instant contacted = contactedAfter == null ? null : submittedAt.plus(contactedAfter);
            Instant rated = rating == null ? null : submittedAt.plus(Duration.ofDays(3));
            String status = rating != null || mergedInto != null ? "CLOSED" : "RESOLVED";
            jdbc.sql("INSERT INTO requests_request (id, tracking_number, service_code, description, district_code,"
                            + " status, department_id, source, submitted_at, updated_at, response_due, resolution_due,"
                            + " first_response_at, rating, rated_solved, rated_at, merged_into, token)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, 'web', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, trackingNumber(), category, "statistics test request", district,
                            status, department,
                            timestamp(submittedAt), timestamp(submittedAt), timestamp(submittedAt.plus(responseWithin)),
                            timestamp(submittedAt.plus(Duration.ofDays(7))), timestamp(contacted),
                            rating == null ? null : rating.name(), solved, timestamp(rated), mergedInto,
                            UUID.randomUUID().toString())
                    .update();
            stored.add(id);
            return id;
        }
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String trackingNumber() {
        StringBuilder number = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                number.append('-');
            }
            number.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return number.toString();
    }
}
