package org.commonweal.requests.internal;

import org.commonweal.requests.RequestHandling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Overdue requests escalate to their department's administrator without anyone having to look. */
@Component
class Escalation {

    private final RequestHandling handling;

    Escalation(RequestHandling handling) {
        this.handling = handling;
    }

    @Scheduled(fixedDelayString = "${commonweal.requests.escalation-interval:5m}",
            initialDelayString = "${commonweal.requests.escalation-interval:5m}")
    void escalateOverdueRequests() {
        handling.escalateOverdue();
    }
}
