package org.commonweal.identity.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A signed-in person changing their own password. */
public record PasswordForm(@NotBlank @Size(max = 128) String currentPassword,
                    @NotBlank @Size(min = 10, max = 128) String newPassword,
                    String confirmPassword) {

    static PasswordForm empty() {
        return new PasswordForm("", "", "");
    }

    @AssertTrue(message = "{form.passwords_differ}")
    boolean isConfirmPassword() {
        return newPassword == null || newPassword.equals(confirmPassword);
    }
}
