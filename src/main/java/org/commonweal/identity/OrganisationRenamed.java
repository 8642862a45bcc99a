package org.commonweal.identity;

import java.time.Instant;
import java.util.UUID;

/** An organisation's names or district changed. */
public record OrganisationRenamed(UUID organisationId, String identifier, UUID actorId, Instant at) {
}
