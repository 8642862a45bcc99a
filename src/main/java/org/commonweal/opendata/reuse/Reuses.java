package org.commonweal.opendata.reuse;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.commonweal.identity.Actors;
import org.commonweal.identity.CommonwealUser;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reuses of open data. Anyone signed in registers one; it shows publicly only after staff of a
 * department whose dataset it uses (or a platform administrator) approves it — a department
 * knows its data and is accountable for what the portal shows beside it.
 */
@Service
public class Reuses {

    static final int MAX_DATASETS = 10;

    private final JdbcClient jdbc;
    private final Datasets datasets;
    private final Organisations organisations;
    private final Ledger ledger;
    private final Clock clock;

    Reuses(JdbcClient jdbc, Datasets datasets, Organisations organisations, Ledger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.datasets = datasets;
        this.organisations = organisations;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Registers a reuse (pending moderation). The same address twice is refused: it is already registered. */
    @Transactional
    public Reuse register(String titleText, String kindText, String urlText, String descriptionText, String authorText,
                          List<String> datasetNames, CommonwealUser user) {
        if (user.machineClient()) {
            throw new ParticipationRefused(ParticipationErrorCode.NOT_ELIGIBLE, "", "Reuses are registered by people.");
        }
        String title = Texts.required(titleText, "title", 200);
        Reuse.Kind kind = kind(kindText);
        String url = url(urlText);
        String description = Texts.required(descriptionText, "description", 4000);
        String author = Texts.required(authorText, "author", 200);
        List<Dataset> used = used(datasetNames);
        String fingerprint = Digests.sha256(url.toLowerCase(Locale.ROOT).replaceAll("/+$", ""));
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            jdbc.sql("INSERT INTO opendata_reuse (id, title, kind, url, description, author, submitted_by, fingerprint, state,"
                            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)")
                    .params(id, title, kind.name(), url, description, author, user.id(), fingerprint, Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ParticipationRefused(ParticipationErrorCode.DUPLICATE, "url",
                    "A reuse at this address is already registered.");
        }
        for (Dataset d : used) {
            jdbc.sql("INSERT INTO opendata_reuse_dataset (reuse_id, dataset_id) VALUES (?, ?)").params(id, d.id()).update();
        }
        ledger.record(new Evidence("opendata.reuse_registered", "reuse:" + id, Actors.of(user.id(), ledger),
                Map.of("kind", kind.name().toLowerCase(Locale.ROOT), "datasets", used.stream().map(Dataset::name).toList(),
                        "url_sha256", fingerprint)));
        return get(id);
    }

    /** Approves or rejects (a reason is required to reject); 409 when a colleague moderated it meanwhile. */
    @Transactional
    public Reuse moderate(UUID id, boolean approve, @Nullable String reasonText, int expectedVersion, CommonwealUser staff) {
        Reuse reuse = get(id);
        if (!mayModerate(reuse, staff)) {
            throw new ParticipationRefused(ParticipationErrorCode.NOT_YOUR_DEPARTMENT, "",
                    "Only staff of a department whose dataset it uses can moderate this reuse.");
        }
        String reason = approve ? Texts.optional(reasonText, "reason", 1000) : Texts.required(reasonText, "reason", 1000);
        if (reuse.state() != Reuse.State.PENDING) {
            throw new ParticipationRefused(ParticipationErrorCode.ALREADY_DECIDED, "", "This reuse has already been moderated.");
        }
        int changed = jdbc.sql("UPDATE opendata_reuse SET state = ?, reason = ?, decided_at = ?, version = version + 1"
                        + " WHERE id = ? AND version = ? AND state = 'PENDING'")
                .params((approve ? Reuse.State.APPROVED : Reuse.State.REJECTED).name(), reason.isEmpty() ? null : reason,
                        Timestamp.from(clock.instant()), id, expectedVersion).update();
        if (changed == 0) {
            throw new ParticipationRefused(ParticipationErrorCode.STALE_VERSION, "",
                    "Someone moderated this reuse since you opened it; reload the page.");
        }
        Map<String, Object> details = new HashMap<>();
        details.put("reason_sha256", Digests.sha256(reason));
        if (staff.organisationId() != null) {
            details.put("department", organisations.get(staff.organisationId()).identifier().toString());
        }
        ledger.record(new Evidence(approve ? "opendata.reuse_approved" : "opendata.reuse_rejected", "reuse:" + id,
                Actors.of(staff.id(), ledger), details));
        return get(id);
    }

    public boolean mayModerate(Reuse reuse, @Nullable CommonwealUser user) {
        if (user == null || user.machineClient()) {
            return false;
        }
        if (user.has(Role.PLATFORM_ADMIN)) {
            return true;
        }
        return user.organisationId() != null && (user.has(Role.STAFF) || user.has(Role.DEPARTMENT_ADMIN))
                && reuse.datasetIds().stream().map(datasets::find).flatMap(java.util.Optional::stream)
                .anyMatch(d -> d.publisherId().equals(user.organisationId()));
    }

    public Reuse get(UUID id) {
        List<Reuse> found = select("WHERE r.id = ?", id);
        if (found.isEmpty()) {
            throw new ParticipationRefused(ParticipationErrorCode.REUSE_NOT_FOUND, "", "No reuse has this id.");
        }
        return found.getFirst();
    }

    public List<Reuse> approved() {
        return select("WHERE r.state = 'APPROVED' ORDER BY r.decided_at DESC LIMIT 200");
    }

    public List<Reuse> approvedFor(UUID datasetId) {
        return select("WHERE r.state = 'APPROVED' AND r.id IN (SELECT reuse_id FROM opendata_reuse_dataset WHERE dataset_id = ?)"
                + " ORDER BY r.decided_at DESC LIMIT 50", datasetId);
    }

    /** Pending reuses a department moderates (those using its datasets); all for a platform administrator. */
    public List<Reuse> toModerate(CommonwealUser user) {
        if (user.has(Role.PLATFORM_ADMIN)) {
            return select("WHERE r.state = 'PENDING' ORDER BY r.created_at LIMIT 200");
        }
        return select("WHERE r.state = 'PENDING' AND r.id IN (SELECT rd.reuse_id FROM opendata_reuse_dataset rd"
                + " JOIN opendata_dataset d ON d.id = rd.dataset_id WHERE d.publisher_id = ?) ORDER BY r.created_at LIMIT 200",
                user.organisationId());
    }

    public List<Reuse> ofSubmitter(UUID userId) {
        return select("WHERE r.submitted_by = ? ORDER BY r.created_at DESC LIMIT 100", userId);
    }

    private List<Reuse> select(String where, Object... params) {
        List<Reuse> rows = jdbc.sql("SELECT r.*, (SELECT array_agg(dataset_id) FROM opendata_reuse_dataset"
                        + " WHERE reuse_id = r.id) AS dataset_ids FROM opendata_reuse r " + where)
                .params(params).query(Reuses::map).list();
        return rows;
    }

    private static Reuse map(ResultSet rs, int row) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        java.sql.Array array = rs.getArray("dataset_ids");
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                ids.add((UUID) o);
            }
        }
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Reuse(rs.getObject("id", UUID.class), rs.getString("title"), Reuse.Kind.valueOf(rs.getString("kind")),
                rs.getString("url"), rs.getString("description"), rs.getString("author"),
                rs.getObject("submitted_by", UUID.class), Reuse.State.valueOf(rs.getString("state")), rs.getString("reason"),
                rs.getTimestamp("created_at").toInstant(), decided == null ? null : decided.toInstant(), rs.getInt("version"),
                ids);
    }

    private static Reuse.Kind kind(String text) {
        try {
            return Reuse.Kind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParticipationRefused(ParticipationErrorCode.FIELD_INVALID, "kind",
                    "Choose whether it is an app, a study, an article or a visualisation.");
        }
    }

    /** Only full http(s) addresses: never javascript:, data: or a relative path. */
    static String url(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new ParticipationRefused(ParticipationErrorCode.FIELD_MISSING, "url", "Give the address of the reuse.");
        }
        try {
            URI uri = new URI(t);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (t.length() > 2000 || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getUserInfo() != null) {
                throw new URISyntaxException(t, "not http(s)");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new ParticipationRefused(ParticipationErrorCode.URL_INVALID, "url",
                    "The address must be a full http:// or https:// link.");
        }
    }

    private List<Dataset> used(List<String> names) {
        Set<String> distinct = new LinkedHashSet<>();
        names.stream().map(String::strip).filter(n -> !n.isEmpty()).forEach(distinct::add);
        if (distinct.isEmpty()) {
            throw new ParticipationRefused(ParticipationErrorCode.FIELD_MISSING, "datasets",
                    "Choose at least one dataset the reuse is built on.");
        }
        if (distinct.size() > MAX_DATASETS) {
            throw new ParticipationRefused(ParticipationErrorCode.FIELD_INVALID, "datasets",
                    "Choose at most " + MAX_DATASETS + " datasets.");
        }
        List<Dataset> used = new ArrayList<>();
        for (String name : distinct) {
            used.add(datasets.findByName(name).filter(Dataset::isPublic).orElseThrow(() -> new ParticipationRefused(
                    ParticipationErrorCode.DATASET_NOT_FOUND, "datasets", "No published dataset is named " + name + ".")));
        }
        return used;
    }
}
