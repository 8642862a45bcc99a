package org.commonweal.requests.open311;

import java.util.Locale;
import java.util.Optional;

import org.commonweal.requests.RequestUpdate;

/**
 * The extended statuses of mySociety's {@code servicerequestupdates}, written in lower case. The
 * plain request lists keep the spec's {@code open}/{@code closed}; updates say more.
 */
enum ExtendedStatus {
    OPEN, CLOSED, FIXED, INVESTIGATING, ACTION_SCHEDULED, IN_PROGRESS, PLANNED, NO_FURTHER_ACTION,
    NOT_COUNCILS_RESPONSIBILITY, DUPLICATE, INTERNAL_REFERRAL, CANCELLED, REOPEN, FOR_TRIAGE;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * How an update reads to a mySociety client. Waiting for the citizen is {@code investigating}
     * (the department is still on it); a transfer stays {@code in_progress}, because mySociety
     * clients take {@code internal_referral} as closed while ours stays open with the new department.
     */
    static ExtendedStatus of(RequestUpdate update) {
        if (update.kind() == RequestUpdate.Kind.MERGED) {
            return DUPLICATE;
        }
        return switch (update.status()) {
            case UNROUTED -> FOR_TRIAGE;
            case SUBMITTED -> OPEN;
            case IN_PROGRESS -> IN_PROGRESS;
            case WAITING_FOR_CITIZEN -> INVESTIGATING;
            case RESOLVED -> FIXED;
            case CLOSED -> CLOSED;
        };
    }

    static Optional<ExtendedStatus> parse(String value) {
        String name = value.strip().toUpperCase(Locale.ROOT);
        for (ExtendedStatus status : values()) {
            if (status.name().equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Whether a department saying so means it has answered the request. */
    boolean resolves() {
        return this == CLOSED || this == FIXED;
    }

    /** Whether a department saying so on a new request means it has taken it up. */
    boolean takesUp() {
        return this == IN_PROGRESS || this == ACTION_SCHEDULED || this == INVESTIGATING || this == PLANNED;
    }
}
