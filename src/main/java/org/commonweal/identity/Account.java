package org.commonweal.identity;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A person's account as other modules and pages see it (never the password hash). */
public record Account(UUID id, String username, String displayName, @Nullable UUID organisationId,
                      Set<Role> roles, boolean enabled) {

    public Account {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
