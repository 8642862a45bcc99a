package org.commonweal.requests;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What to look for among requests; every part is optional and parts combine with AND. Results come
 * newest first, {@code pageSize} at a time.
 *
 * @param trackingNumbers only these requests
 * @param serviceCodes only these categories
 * @param statuses only these statuses
 * @param submittedFrom submitted at or after
 * @param submittedBefore submitted before
 * @param departmentId only requests this department is responsible for
 * @param districtCode only requests in this district
 * @param clock only requests whose deadline clock stands so (OVERDUE, DUE_SOON) at {@code now}
 * @param transferTo only requests waiting to be taken over by this department
 * @param escalated only requests escalated for being overdue
 */
public record RequestSearch(Set<String> trackingNumbers, Set<String> serviceCodes, Set<RequestStatus> statuses,
                            @Nullable Instant submittedFrom, @Nullable Instant submittedBefore,
                            @Nullable UUID departmentId, @Nullable String districtCode,
                            ServiceRequest.@Nullable Clock clock, @Nullable UUID transferTo, boolean escalated,
                            Order order, int page, int pageSize) {

    public enum Order { NEWEST_FIRST, DEADLINE_FIRST }

    public RequestSearch {
        trackingNumbers = Set.copyOf(trackingNumbers);
        serviceCodes = Set.copyOf(serviceCodes);
        statuses = Set.copyOf(statuses);
        if (page < 1 || pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("page starts at 1 and pageSize is 1-1000");
        }
    }

    /** One page of results and whether another follows. */
    public record Results(List<ServiceRequest> requests, boolean hasMore) {
    }
}
