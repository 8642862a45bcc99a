package org.commonweal.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A consumer department's application for a catalogue resource's data items, and its decision.
 *
 * @param consumer the applying organisation, X-Road form {@code INSTANCE/CLASS/CODE}
 * @param dueAt the end of the provider's decision time (working days on the official calendar)
 * @param escalatedAt when it went to the data authority for being overdue; null while not
 * @param narrowed true when the provider approved fewer items or a shorter period than asked
 * @param approvedItems the items of the agreement (null until approved)
 * @param decisionReason the refusal reason, or the note on an approval
 */
public record SharingApplication(UUID id, String consumer, String consumerMember, String providerMember,
                                 String resourceCode, @Nullable String serviceId, String purpose, String legalBasis,
                                 Set<String> dataItems, LocalDate validUntil, int callsPerMinute, int trackerDelayDays,
                                 String delayBasis, ApplicationStatus status, boolean narrowed,
                                 @Nullable Set<String> approvedItems, @Nullable LocalDate approvedUntil,
                                 @Nullable String decisionReason, @Nullable UUID agreementId, Instant submittedAt,
                                 Instant dueAt, @Nullable Instant escalatedAt, @Nullable Instant decidedAt, int version) {

    /** The deadline clock as staff see it. */
    public enum Clock { ON_TIME, DUE_SOON, OVERDUE, DECIDED }

    public SharingApplication {
        dataItems = Set.copyOf(dataItems);
        approvedItems = approvedItems == null ? null : Set.copyOf(approvedItems);
    }

    public boolean pending() {
        return status == ApplicationStatus.PENDING;
    }

    /** Overdue: still pending at or after its deadline. */
    public boolean overdueAt(Instant now) {
        return pending() && !now.isBefore(dueAt);
    }
}
