package org.commonweal.opendata.quality;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.commonweal.opendata.access.ParticipationSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Checks every linked resource of the published datasets on a schedule and keeps the latest
 * result (time, HTTP status or problem) per resource, for the quality score's "working links".
 */
@Service
public class LinkChecks {

    private static final Logger log = LoggerFactory.getLogger(LinkChecks.class);

    /** The latest check of one resource. */
    public record LinkCheck(UUID resourceId, Instant checkedAt, @Nullable Integer status, boolean ok,
                            @Nullable String problem) {
    }

    private final JdbcClient jdbc;
    private final LinkProbe probe;
    private final Clock clock;

    LinkChecks(JdbcClient jdbc, ParticipationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.probe = new LinkProbe(settings.linkCheckTimeout(), settings.linkCheckAllowLoopback());
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${commonweal.opendata.participation.link-check-initial-delay:2m}",
            fixedDelayString = "${commonweal.opendata.participation.link-check-interval:6h}")
    void scheduled() {
        int checked = checkAll();
        log.info("Checked {} linked resources", checked);
    }

    /** Checks the links of every published dataset now; returns how many were checked. */
    public int checkAll() {
        record Link(UUID id, String url) {
        }
        List<Link> links = jdbc.sql("SELECT r.id, r.url FROM opendata_resource r JOIN opendata_dataset d ON d.id = r.dataset_id"
                        + " WHERE r.kind = 'LINK' AND r.url IS NOT NULL AND d.state = 'PUBLISHED' ORDER BY r.id")
                .query((rs, n) -> new Link(rs.getObject("id", UUID.class), rs.getString("url"))).list();
        for (Link link : links) {
            store(link.id(), probe.check(link.url()));
        }
        return links.size();
    }

    /** Checks one resource's link now (a publisher who fixed a link need not wait for the schedule). */
    public LinkCheck check(UUID resourceId, String url) {
        return store(resourceId, probe.check(url));
    }

    public Map<UUID, LinkCheck> ofDataset(UUID datasetId) {
        return jdbc.sql("SELECT c.* FROM opendata_link_check c JOIN opendata_resource r ON r.id = c.resource_id"
                        + " WHERE r.dataset_id = ?").param(datasetId)
                .query((rs, n) -> new LinkCheck(rs.getObject("resource_id", UUID.class),
                        rs.getTimestamp("checked_at").toInstant(), (Integer) rs.getObject("http_status"),
                        rs.getBoolean("ok"), rs.getString("problem")))
                .list().stream().collect(Collectors.toMap(LinkCheck::resourceId, c -> c));
    }

    private LinkCheck store(UUID resourceId, LinkProbe.Result result) {
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO opendata_link_check (resource_id, checked_at, http_status, ok, problem) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (resource_id) DO UPDATE SET checked_at = EXCLUDED.checked_at,"
                        + " http_status = EXCLUDED.http_status, ok = EXCLUDED.ok, problem = EXCLUDED.problem")
                .params(resourceId, Timestamp.from(now), result.status(), result.ok(), result.problem()).update();
        return new LinkCheck(resourceId, now, result.status(), result.ok(), result.problem());
    }
}
