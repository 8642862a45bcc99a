package org.commonweal.opendata.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An application for a conditional dataset's data: who asks (a person, for an enterprise, a
 * social organisation or as a researcher), why, for what use and for which period, and the
 * department's decision.
 */
public record Application(UUID id, UUID datasetId, UUID departmentId, UUID applicantId, @Nullable UUID organisationId,
                          ApplicantKind applicantKind, String affiliation, String purpose, String intendedUse,
                          LocalDate periodStart, LocalDate periodEnd, State state, @Nullable String reason,
                          Instant submittedAt, Instant dueAt, @Nullable Instant decidedAt, @Nullable Instant revokedAt,
                          int version) {

    public enum ApplicantKind { ENTERPRISE, SOCIAL_ORGANISATION, RESEARCHER }

    public enum State { PENDING, APPROVED, REFUSED }

    /** Pending past its deadline (the department's inbox shows it as overdue). */
    public boolean overdue(Instant now) {
        return state == State.PENDING && !now.isBefore(dueAt);
    }

    /** Approved, not revoked, and today within the period. */
    public boolean grantsAccessOn(LocalDate today) {
        return state == State.APPROVED && revokedAt == null && !today.isBefore(periodStart) && !today.isAfter(periodEnd);
    }
}
