package org.commonweal.requests;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One step in a request's history: what happened, the status after it, and a note. Public
 * updates are shown to the citizen and over Open311 ({@code servicerequestupdates}); internal
 * ones (staff notes) only to staff.
 */
public record RequestUpdate(UUID id, UUID requestId, Kind kind, RequestStatus status, @Nullable String note,
                            boolean isPublic, @Nullable UUID actorId, @Nullable UUID departmentId,
                            @Nullable UUID toDepartment, Instant at) {

    public enum Kind {
        SUBMITTED, ROUTED, ACCEPTED, CLARIFICATION_REQUESTED, INFORMATION_ADDED, NOTE, TRANSFER_PROPOSED,
        TRANSFERRED, TRANSFER_DECLINED, RESOLVED, RATED, REOPENED, MERGED, ESCALATED, CLOSED
    }
}
