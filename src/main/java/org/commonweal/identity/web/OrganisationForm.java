package org.commonweal.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.commonweal.identity.OrganisationKind;
import org.jspecify.annotations.Nullable;

/** An administrator registering an organisation or correcting its names. */
public record OrganisationForm(
        @NotNull OrganisationKind kind,
        @NotBlank @Size(max = 64) @Pattern(regexp = Inputs.IDENTIFIER_PART) String memberCode,
        @NotBlank @Size(max = 100) @Pattern(regexp = Inputs.PLAIN_TEXT) String nameZh,
        @NotBlank @Size(max = 100) @Pattern(regexp = Inputs.PLAIN_TEXT) String nameEn,
        @Nullable @Size(max = 64) @Pattern(regexp = "(" + Inputs.IDENTIFIER_PART + ")?") String districtCode) {

    static OrganisationForm empty() {
        return new OrganisationForm(OrganisationKind.DEPARTMENT, "", "", "", "");
    }

    @Nullable String district() {
        return districtCode == null || districtCode.isBlank() ? null : districtCode;
    }
}
