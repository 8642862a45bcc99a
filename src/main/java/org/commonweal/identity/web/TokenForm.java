package org.commonweal.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A department administrator naming the system a new API token is for. */
public record TokenForm(@NotBlank @Size(max = 60) @Pattern(regexp = Inputs.PLAIN_TEXT) String name) {
}
