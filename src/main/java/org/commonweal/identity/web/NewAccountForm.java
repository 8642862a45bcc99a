package org.commonweal.identity.web;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.commonweal.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * An administrator opening an account for someone; the first password is generated and shown
 * once. A JavaBean so a malformed organisation or role is reported while other fields are checked.
 */
public class NewAccountForm {

    private @NotBlank @Size(min = 3, max = 40) @Pattern(regexp = Inputs.USERNAME) String username = "";
    private @NotBlank @Size(max = 60) @Pattern(regexp = Inputs.PLAIN_TEXT) String displayName = "";
    private @Nullable UUID organisationId;
    private @NotEmpty Set<Role> roles = Set.of();

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public @Nullable UUID getOrganisationId() { return organisationId; }
    public void setOrganisationId(@Nullable UUID organisationId) { this.organisationId = organisationId; }
    public Set<Role> getRoles() { return roles; }
    public void setRoles(@Nullable Set<Role> roles) { this.roles = roles == null ? Set.of() : roles; }
}
