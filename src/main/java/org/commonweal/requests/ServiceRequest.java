package org.commonweal.requests;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A citizen request as stored. The contact fields are personal data: pages and APIs for the public
 * show {@link #publicName()} and never the rest.
 */
public record ServiceRequest(UUID id, String trackingNumber, String serviceCode, String description,
                             @Nullable String address, @Nullable Double lat, @Nullable Double lon,
                             @Nullable String districtCode, Map<String, List<String>> attributes,
                             RequestStatus status, @Nullable String statusNotes,
                             @Nullable UUID departmentId, @Nullable UUID transferToId, int transferCount,
                             @Nullable UUID citizenId, @Nullable String contactName, @Nullable String contactEmail,
                             @Nullable String contactPhone, boolean namePublic, String source,
                             Instant submittedAt, Instant updatedAt, Instant responseDue, Instant resolutionDue,
                             @Nullable Instant firstResponseAt, @Nullable Instant pausedAt, @Nullable Instant escalatedAt,
                             @Nullable Instant resolvedAt, @Nullable Instant closedAt, int reopenCount,
                             @Nullable Rating rating, @Nullable Boolean ratedSolved, @Nullable String ratingComment,
                             @Nullable UUID mergedInto, int supportCount, int version) {

    /** How the deadline clock stands, as staff see it on each request. */
    public enum Clock { ON_TIME, DUE_SOON, OVERDUE, PAUSED, STOPPED }

    public ServiceRequest {
        attributes = Map.copyOf(attributes);
    }

    public @Nullable String publicName() {
        return namePublic ? contactName : null;
    }

    public boolean hasLocation() {
        return lat != null && lon != null;
    }

    /** Due soon once three quarters of the time allowed are used. */
    public Clock clock(Instant now) {
        if (!status.isOpen()) {
            return Clock.STOPPED;
        }
        if (status == RequestStatus.WAITING_FOR_CITIZEN) {
            return Clock.PAUSED;
        }
        if (!now.isBefore(resolutionDue)) {
            return Clock.OVERDUE;
        }
        Duration allowed = Duration.between(submittedAt, resolutionDue);
        Duration left = Duration.between(now, resolutionDue);
        return left.multipliedBy(4).compareTo(allowed) <= 0 ? Clock.DUE_SOON : Clock.ON_TIME;
    }
}
