package org.commonweal.requests;

/** Where a request stands. */
public enum RequestStatus {
    /** No department could be found for it: it waits in the supervisor's queue. */
    UNROUTED,
    /** Routed to a department that has not yet taken it up. */
    SUBMITTED,
    /** A department is working on it. */
    IN_PROGRESS,
    /** The department asked the citizen for more information; the clock is paused. */
    WAITING_FOR_CITIZEN,
    /** The department answered; the citizen may rate it or reopen it. */
    RESOLVED,
    /** Rated, merged into another request, or left resolved past the reopening window. */
    CLOSED;

    /** Open311's two-valued status. */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }
}
