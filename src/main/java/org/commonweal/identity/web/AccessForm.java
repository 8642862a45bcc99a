package org.commonweal.identity.web;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.commonweal.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * An administrator changing what an account may do. {@code version} is the version the form was
 * read at, so a concurrent change by another administrator is detected instead of overwritten.
 */
public record AccessForm(@NotEmpty Set<Role> roles, @Nullable UUID organisationId, boolean enabled, @NotNull Integer version) {
}
