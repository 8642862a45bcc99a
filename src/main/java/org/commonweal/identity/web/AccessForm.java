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
public class AccessForm {

    private @NotEmpty Set<Role> roles = Set.of();
    private @Nullable UUID organisationId;
    private boolean enabled;
    private @Nullable @NotNull Integer version;

    public Set<Role> getRoles() { return roles; }
    public void setRoles(@Nullable Set<Role> roles) { this.roles = roles == null ? Set.of() : roles; }
    public @Nullable UUID getOrganisationId() { return organisationId; }
    public void setOrganisationId(@Nullable UUID organisationId) { this.organisationId = organisationId; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public @Nullable Integer getVersion() { return version; }
    public void setVersion(@Nullable Integer version) { this.version = version; }
}
