package org.commonweal.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the sign-in page submits. Limits stop oversized input before it reaches the password hash. */
public record SignInForm(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {

    static SignInForm empty() {
        return new SignInForm("", "");
    }
}
