package org.commonweal.exchange;

import java.time.Instant;
import java.util.UUID;

/** A consumer may now call a service under an agreement. */
public record AgreementGranted(UUID agreementId, String consumer, String serviceId, String resourceCode, Instant at) {
}
