package org.commonweal.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An account's roles or department changed (including its creation). No personal data: ids only. */
public record AccountRolesChanged(UUID accountId, Set<Role> before, Set<Role> after,
                                  @Nullable UUID organisationId, UUID actorId, Instant at) {
}
