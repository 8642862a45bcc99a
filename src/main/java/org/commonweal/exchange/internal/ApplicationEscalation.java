package org.commonweal.exchange.internal;

import org.commonweal.exchange.SharingApplications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Escalates overdue sharing applications to the data authority, every {@code escalation-interval}. */
@Component
class ApplicationEscalation {

    private final SharingApplications applications;

    ApplicationEscalation(SharingApplications applications) {
        this.applications = applications;
    }

    @Scheduled(fixedDelayString = "${commonweal.exchange.applications.escalation-interval:5m}",
            initialDelayString = "${commonweal.exchange.applications.escalation-interval:5m}")
    void escalate() {
        applications.escalateOverdue();
    }
}
