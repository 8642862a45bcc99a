package org.commonweal.opendata.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many times each resource was downloaded. One upsert of one row per download, after the
 * bytes have gone out, so a download never waits for its count.
 */
@Component
public class DownloadCounts {

    private final JdbcClient jdbc;

    DownloadCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one download; an unknown resource (deleted meanwhile) is ignored. */
    public void countOne(UUID resourceId) {
        jdbc.sql("INSERT INTO opendata_resource_download (resource_id, downloads)"
                        + " SELECT id, 1 FROM opendata_resource WHERE id = ?"
                        + " ON CONFLICT (resource_id) DO UPDATE SET downloads = opendata_resource_download.downloads + 1")
                .param(resourceId).update();
    }

    /** The counts of these resources (zero for those never downloaded). */
    public Map<UUID, Long> of(Collection<UUID> resourceIds) {
        Map<UUID, Long> counts = new HashMap<>();
        resourceIds.forEach(id -> counts.put(id, 0L));
        if (!resourceIds.isEmpty()) {
            jdbc.sql("SELECT resource_id, downloads FROM opendata_resource_download WHERE resource_id IN (:ids)")
                    .param("ids", java.util.List.copyOf(resourceIds))
                    .query((rs, n) -> counts.put(rs.getObject(1, UUID.class), rs.getLong(2))).list();
        }
        return counts;
    }
}
