package org.commonweal.requests;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.commonweal.requests.internal.RequestStore;
import org.springframework.stereotype.Service;

/** Finds requests: the staff inbox, the public list and map, and Open311 searches. */
@Service
public class RequestQueries {

    private final RequestStore store;
    private final Clock clock;

    RequestQueries(RequestStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Optional<ServiceRequest> byTrackingNumber(String trackingNumber) {
        return store.byTrackingNumber(trackingNumber);
    }

    public Optional<ServiceRequest> byToken(String token) {
        return store.byToken(token);
    }

    public Optional<String> tokenOf(ServiceRequest request) {
        return store.tokenOf(request.id());
    }

    public List<RequestUpdate> publicUpdates(ServiceRequest request) {
        return store.updates(request.id(), true);
    }

    /** Public updates changed after a moment, oldest first (Open311 servicerequestupdates). */
    public List<RequestUpdate> publicUpdatesSince(Instant start, Instant end, int limit) {
        return store.publicUpdatesBetween(start, end, limit);
    }

    public Optional<ServiceRequest> byId(java.util.UUID id) {
        return store.byId(id);
    }

    public RequestSearch.Results search(RequestSearch search) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!search.trackingNumbers().isEmpty()) {
            where.add("tracking_number = ANY (?)");
            params.add(search.trackingNumbers().toArray(String[]::new));
        }
        if (search.serviceCodes().size() == 1) {
            // one code compares plainly, so the index on (service_code, submitted_at) also gives the order
            where.add("service_code = ?");
            params.add(search.serviceCodes().iterator().next());
        } else if (!search.serviceCodes().isEmpty()) {
            where.add("service_code = ANY (?)");
            params.add(search.serviceCodes().toArray(String[]::new));
        }
        if (!search.statuses().isEmpty()) {
            // written out, not bound: enum names are safe, and a literal list lets PostgreSQL use the
            // partial index of open requests (it cannot prove a bound array matches the index predicate)
            where.add("status IN (" + search.statuses().stream().map(Enum::name).sorted()
                    .map(name -> "'" + name + "'").collect(java.util.stream.Collectors.joining(", ")) + ")");
        }
        if (search.submittedFrom() != null) {
            where.add("submitted_at >= ?");
            params.add(Timestamp.from(search.submittedFrom()));
        }
        if (search.submittedBefore() != null) {
            where.add("submitted_at < ?");
            params.add(Timestamp.from(search.submittedBefore()));
        }
        if (search.departmentId() != null) {
            where.add("department_id = ?");
            params.add(search.departmentId());
        }
        if (search.districtCode() != null) {
            where.add("district_code = ?");
            params.add(search.districtCode());
        }
        if (search.transferTo() != null) {
            where.add("transfer_to_id = ?");
            params.add(search.transferTo());
        }
        if (search.escalated()) {
            where.add("escalated_at IS NOT NULL AND status IN ('SUBMITTED', 'IN_PROGRESS')");
        }
        if (search.clock() != null) {
            Timestamp now = Timestamp.from(clock.instant());
            // the running clocks; within the partial index of open requests (a department has no unrouted ones)
            where.add("status IN ('IN_PROGRESS', 'SUBMITTED')");
            switch (search.clock()) {
                case OVERDUE -> {
                    where.add("resolution_due <= ?");
                    params.add(now);
                }
                case DUE_SOON -> {
                    // three quarters of the allowed time used, not yet overdue (same rule as ServiceRequest.clock)
                    where.add("resolution_due > ? AND (resolution_due - ?) * 4 <= (resolution_due - submitted_at)");
                    params.add(now);
                    params.add(now);
                }
                default -> where.add("FALSE");
            }
        }
        String order = search.order() == RequestSearch.Order.DEADLINE_FIRST
                ? "resolution_due, id" : "submitted_at DESC, id";
        params.add(search.pageSize() + 1);
        params.add((long) (search.page() - 1) * search.pageSize());
        List<ServiceRequest> found = store.list((where.isEmpty() ? "TRUE" : String.join(" AND ", where))
                + " ORDER BY " + order + " LIMIT ? OFFSET ?", params.toArray());
        boolean hasMore = found.size() > search.pageSize();
        return new RequestSearch.Results(hasMore ? found.subList(0, search.pageSize()) : found, hasMore);
    }
}
