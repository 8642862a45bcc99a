package org.commonweal.requests;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A new request was stored and routed (no department: it waits for the supervisor). */
public record RequestSubmitted(UUID requestId, String trackingNumber, String serviceCode, @Nullable UUID departmentId,
                               @Nullable String districtCode, Instant at) {
}
