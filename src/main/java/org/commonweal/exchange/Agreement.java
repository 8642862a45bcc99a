package org.commonweal.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A sharing agreement as it stands now.
 *
 * @param providerMember member code of the department that provides the service
 * @param statusReason why it was last suspended, revoked or expired; null while never changed
 */
public record Agreement(UUID id, AgreementTerms terms, AgreementStatus status, Instant grantedAt, String providerMember,
                        @Nullable String statusReason, Instant changedAt, int version) {

    /** True when calls may pass on this day: ACTIVE and not past its last valid day. */
    public boolean liveOn(LocalDate day) {
        return status == AgreementStatus.ACTIVE && !day.isAfter(terms.validUntil());
    }
}
