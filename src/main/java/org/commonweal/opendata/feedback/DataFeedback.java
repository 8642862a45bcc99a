package org.commonweal.opendata.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.commonweal.identity.Actors;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.OrganisationKind;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.Role;
import org.commonweal.ledger.Evidence;
import org.commonweal.ledger.Ledger;
import org.commonweal.opendata.Dataset;
import org.commonweal.opendata.Datasets;
import org.commonweal.opendata.access.Digests;
import org.commonweal.opendata.access.ParticipationErrorCode;
import org.commonweal.opendata.access.ParticipationRefused;
import org.commonweal.opendata.access.Texts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People ask for datasets and report errors; departments answer in public. The same person
 * sending the same title about the same thing twice gets the first one back, not a copy.
 */
@Service
public class DataFeedback {

    public static final int PAGE_SIZE = 25;

    private final JdbcClient jdbc;
    private final Datasets datasets;
    private final Organisations organisations;
    private final Ledger ledger;
    private final Clock clock;

    DataFeedback(JdbcClient jdbc, Datasets datasets, Organisations organisations, Ledger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.datasets = datasets;
        this.organisations = organisations;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Asks for a dataset ({@code datasetId} null; {@code departmentId} null for "don't know") or
     * reports an error in a public dataset ({@code datasetId} set; its publisher answers).
     */
    @Transactional
    public Feedback submit(Feedback.Kind kind, @Nullable UUID datasetId, @Nullable UUID departmentId, String titleText,
                           String bodyText, CommonwealUser author) {
        if (author.machineClient()) {
            throw new ParticipationRefused(ParticipationErrorCode.NOT_ELIGIBLE, "", "Requests come from people, not machine clients.");
        }
        String title = Texts.required(titleText, "title", 200);
        String body = Texts.required(bodyText, "body", 4000);
        UUID department;
        UUID dataset = null;
        if (kind == Feedback.Kind.ERROR_REPORT) {
            Dataset about = datasetId == null ? null : datasets.find(datasetId).filter(Dataset::isPublic).orElse(null);
            if (about == null) {
                throw new ParticipationRefused(ParticipationErrorCode.DATASET_NOT_FOUND, "dataset",
                        "Choose the published dataset the error is in.");
            }
            dataset = about.id();
            department = about.publisherId();
        } else {
            department = departmentId == null ? null : organisations.find(departmentId)
                    .filter(o -> o.kind() == OrganisationKind.DEPARTMENT).map(Organisation::id)
                    .orElseThrow(() -> new ParticipationRefused(ParticipationErrorCode.DEPARTMENT_NOT_FOUND, "department",
                            "Choose a department from the list, or \"don't know\"."));
        }
        String fingerprint = Digests.sha256(author.id() + "|" + kind + "|" + dataset + "|" + department + "|"
                + title.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        Optional<Feedback> same = byFingerprint(fingerprint);
        if (same.isPresent()) {
            return same.get();
        }
        UUID id = UUID.randomUUID();
        String number = Digests.number(kind == Feedback.Kind.DATASET_REQUEST ? "R" : "E");
        Instant now = clock.instant();
        int inserted = jdbc.sql("INSERT INTO opendata_feedback (id, number, kind, dataset_id, department_id, title, body,"
                        + " author_id, fingerprint, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)"
                        + " ON CONFLICT (fingerprint) DO NOTHING")
                .params(id, number, kind.name(), dataset, department, title, body, author.id(), fingerprint,
                        Timestamp.from(now)).update();
        if (inserted == 0) {
            return byFingerprint(fingerprint).orElseThrow(); // the same thing sent simultaneously
        }
        Map<String, Object> details = new HashMap<>();
        details.put("kind", kind.name().toLowerCase(Locale.ROOT));
        details.put("text_sha256", Digests.sha256(title + "\n" + body));
        if (department != null) {
            details.put("department", organisations.get(department).identifier().toString());
        }
        if (dataset != null) {
            details.put("dataset", datasets.find(dataset).orElseThrow().name());
        }
        ledger.record(new Evidence("opendata.feedback_submitted", "feedback:" + number, Actors.of(author.id(), ledger), details));
        return get(id);
    }

    /** The department answers or declines, in public; {@code expectedVersion} is what the answerer saw (409 when stale). */
    @Transactional
    public Feedback answer(UUID id, boolean decline, String answerText, int expectedVersion, CommonwealUser staff) {
        Feedback feedback = get(id);
        if (!mayAnswer(feedback, staff)) {
            throw new ParticipationRefused(ParticipationErrorCode.NOT_YOUR_DEPARTMENT, "",
                    "Only staff of the department it is addressed to can answer this.");
        }
        String answer = Texts.required(answerText, "answer", 4000);
        Instant now = clock.instant();
        UUID department = feedback.departmentId() != null ? feedback.departmentId() : staff.organisationId();
        int changed = jdbc.sql("UPDATE opendata_feedback SET state = ?, answer = ?, answered_at = ?, department_id = ?,"
                        + " version = version + 1 WHERE id = ? AND version = ?")
                .params((decline ? Feedback.State.DECLINED : Feedback.State.ANSWERED).name(), answer, Timestamp.from(now),
                        department, id, expectedVersion).update();
        if (changed == 0) {
            throw new ParticipationRefused(ParticipationErrorCode.STALE_VERSION, "",
                    "Someone answered or changed this since you opened it; reload it to see the answer.");
        }
        ledger.record(new Evidence(decline ? "opendata.feedback_declined" : "opendata.feedback_answered",
                "feedback:" + feedback.number(), Actors.of(staff.id(), ledger),
                Map.of("department", organisations.get(department).identifier().toString(),
                        "answer_sha256", Digests.sha256(answer))));
        return get(id);
    }

    /** Staff of the addressed department; for "don't know", staff of any department (the answer then names theirs). */
    public boolean mayAnswer(Feedback feedback, @Nullable CommonwealUser user) {
        if (user == null || user.machineClient() || user.organisationId() == null
                || !(user.has(Role.STAFF) || user.has(Role.DEPARTMENT_ADMIN))) {
            return false;
        }
        return feedback.departmentId() == null || feedback.departmentId().equals(user.organisationId());
    }

    public Feedback get(UUID id) {
        return jdbc.sql("SELECT * FROM opendata_feedback WHERE id = ?").param(id).query(DataFeedback::map).optional()
                .orElseThrow(() -> new ParticipationRefused(ParticipationErrorCode.FEEDBACK_NOT_FOUND, "",
                        "No request or error report has this number."));
    }

    public Optional<Feedback> findByNumber(String number) {
        if (!number.matches("[RE]-[2-9A-Z]{6}")) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM opendata_feedback WHERE number = ?").param(number).query(DataFeedback::map).optional();
    }

    /** The public list, newest first, optionally one state and one kind. */
    public List<Feedback> list(Feedback.@Nullable State state, Feedback.@Nullable Kind kind, int page) {
        return jdbc.sql("SELECT * FROM opendata_feedback WHERE (CAST(? AS text) IS NULL OR state = ?)"
                        + " AND (CAST(? AS text) IS NULL OR kind = ?) ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
                .params(name(state), name(state), name(kind), name(kind), PAGE_SIZE + 1, (page - 1) * PAGE_SIZE)
                .query(DataFeedback::map).list();
    }

    public List<Feedback> ofDataset(UUID datasetId) {
        return jdbc.sql("SELECT * FROM opendata_feedback WHERE dataset_id = ? ORDER BY created_at DESC LIMIT 50")
                .param(datasetId).query(DataFeedback::map).list();
    }

    /** What a department has to answer (and the "don't know" requests anyone may take), oldest first. */
    public List<Feedback> toAnswer(UUID departmentId) {
        return jdbc.sql("SELECT * FROM opendata_feedback WHERE state = 'OPEN' AND (department_id = ? OR department_id IS NULL)"
                        + " ORDER BY created_at LIMIT 200").param(departmentId).query(DataFeedback::map).list();
    }

    private Optional<Feedback> byFingerprint(String fingerprint) {
        return jdbc.sql("SELECT * FROM opendata_feedback WHERE fingerprint = ?").param(fingerprint)
                .query(DataFeedback::map).optional();
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Feedback map(ResultSet rs, int row) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        return new Feedback(rs.getObject("id", UUID.class), rs.getString("number"), Feedback.Kind.valueOf(rs.getString("kind")),
                rs.getObject("dataset_id", UUID.class), rs.getObject("department_id", UUID.class), rs.getString("title"),
                rs.getString("body"), rs.getObject("author_id", UUID.class), Feedback.State.valueOf(rs.getString("state")),
                rs.getString("answer"), answered == null ? null : answered.toInstant(),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
    }
}
