package org.commonweal.exchange;

import java.time.Instant;
import java.util.UUID;

/** An agreement was suspended, resumed, revoked or expired. */
public record AgreementStatusChanged(UUID agreementId, AgreementStatus from, AgreementStatus to, Instant at) {
}
