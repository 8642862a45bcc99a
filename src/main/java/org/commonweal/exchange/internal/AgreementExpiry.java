package org.commonweal.exchange.internal;

import org.commonweal.exchange.Agreements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Agreements end on their own: once their last day has passed they become EXPIRED, with evidence. */
@Component
class AgreementExpiry {

    private static final Logger log = LoggerFactory.getLogger(AgreementExpiry.class);
    private final Agreements agreements;

    AgreementExpiry(Agreements agreements) {
        this.agreements = agreements;
    }

    @Scheduled(fixedDelayString = "${commonweal.exchange.expiry-interval:1m}", initialDelayString = "${commonweal.exchange.expiry-interval:1m}")
    void expire() {
        try {
            int expired;
            do {
                expired = agreements.expireOverdue();
                if (expired > 0) {
                    log.info("Expired {} agreements past their last day", expired);
                }
            } while (expired == 1000);
        } catch (RuntimeException e) {
            log.error("Could not expire agreements; trying again at the next run", e);
        }
    }
}
