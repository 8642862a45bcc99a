package org.commonweal.requests.internal;

import org.commonweal.requests.RequestHandling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The clock's own work: overdue requests escalate to their department's administrator without
 * anyone having to look, and answers left unrated past the reopening window are closed.
 */
@Component
class Timekeeper {

    private final RequestHandling handling;

    Timekeeper(RequestHandling handling) {
        this.handling = handling;
    }

    @Scheduled(fixedDelayString = "${commonweal.requests.escalation-interval:5m}",
            initialDelayString = "${commonweal.requests.escalation-interval:5m}")
    void keepTime() {
        handling.escalateOverdue();
        handling.closeUnrated();
    }
}
