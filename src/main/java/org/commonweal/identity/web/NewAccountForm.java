package org.commonweal.identity.web;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.commonweal.identity.Role;
import org.jspecify.annotations.Nullable;

/** An administrator opening an account for someone; the first password is generated and shown once. */
public record NewAccountForm(
        @NotBlank @Size(min = 3, max = 40) @Pattern(regexp = Inputs.USERNAME) String username,
        @NotBlank @Size(max = 60) @Pattern(regexp = Inputs.PLAIN_TEXT) String displayName,
        @Nullable UUID organisationId,
        @NotEmpty Set<Role> roles) {

    static NewAccountForm empty() {
        return new NewAccountForm("", "", null, Set.of(Role.CITIZEN));
    }
}
