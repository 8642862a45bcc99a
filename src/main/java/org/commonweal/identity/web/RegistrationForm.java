package org.commonweal.identity.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A member of the public creating a citizen account. */
public record RegistrationForm(
        @NotBlank @Size(min = 3, max = 40) @Pattern(regexp = Inputs.USERNAME) String username,
        @NotBlank @Size(max = 60) @Pattern(regexp = Inputs.PLAIN_TEXT) String displayName,
        @NotBlank @Size(min = 10, max = 128) String password,
        String confirmPassword) {

    static RegistrationForm empty() {
        return new RegistrationForm("", "", "", "");
    }

    @AssertTrue(message = "{form.passwords_differ}")
    boolean isConfirmPassword() {
        return password == null || password.equals(confirmPassword);
    }

    RegistrationForm withoutPasswords() {
        return new RegistrationForm(username, displayName, "", "");
    }
}
