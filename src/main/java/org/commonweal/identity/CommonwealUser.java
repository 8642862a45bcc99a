package org.commonweal.identity;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who is acting: a signed-in person or a department's machine client. Modules use it to decide
 * what someone may see, for example staff see only their own department's work.
 */
public record CommonwealUser(UUID id, String name, @Nullable UUID organisationId, Set<Role> roles, boolean machineClient) {

    public CommonwealUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Auditors and platform administrators see every department; others only their own. */
    public boolean maySeeDepartment(UUID departmentId) {
        return has(Role.AUDITOR) || has(Role.PLATFORM_ADMIN) || departmentId.equals(organisationId);
    }
}
