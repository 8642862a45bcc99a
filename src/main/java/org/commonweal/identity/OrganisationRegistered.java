package org.commonweal.identity;

import java.time.Instant;
import java.util.UUID;

/** A new organisation joined the platform. Carries only public identifiers (it may become ledger evidence). */
public record OrganisationRegistered(UUID organisationId, String identifier, OrganisationKind kind, UUID actorId, Instant at) {
}
