package org.commonweal.opendata.reuse;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An app, study, article or visualisation built on open datasets; public once approved. */
public record Reuse(UUID id, String title, Kind kind, String url, String description, String author, UUID submittedBy,
                    State state, @Nullable String reason, Instant createdAt, @Nullable Instant decidedAt, int version,
                    List<UUID> datasetIds) {

    public Reuse {
        datasetIds = List.copyOf(datasetIds);
    }

    public enum Kind { APP, STUDY, ARTICLE, VISUALISATION }

    public enum State { PENDING, APPROVED, REJECTED }
}
