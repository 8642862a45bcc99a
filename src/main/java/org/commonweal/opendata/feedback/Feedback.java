package org.commonweal.opendata.feedback;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A request for a dataset that does not exist (to a department, or to whoever can answer), or an
 * error report about one that does; public with its answer. The author is never shown.
 */
public record Feedback(UUID id, String number, Kind kind, @Nullable UUID datasetId, @Nullable UUID departmentId,
                       String title, String body, UUID authorId, State state, @Nullable String answer,
                       @Nullable Instant answeredAt, Instant createdAt, int version) {

    public enum Kind { DATASET_REQUEST, ERROR_REPORT }

    public enum State { OPEN, ANSWERED, DECLINED }
}
