package org.commonweal.opendata;

import java.time.Instant;
import java.util.UUID;

/** A dataset was created, changed, published or withdrawn, or got a resource; the search index follows it. */
public record DatasetChanged(UUID datasetId, String name, Instant at) {
}
