package org.commonweal.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.commonweal.identity.OrganisationKind;
import org.jspecify.annotations.Nullable;

/**
 * An administrator registering an organisation or correcting its names. A JavaBean rather than a
 * record so that a value of the wrong type (an unknown kind) is reported beside its field while
 * every other field is still checked.
 */
public class OrganisationForm {

    private @Nullable @NotNull OrganisationKind kind = OrganisationKind.DEPARTMENT;
    private @NotBlank @Size(max = 64) @Pattern(regexp = Inputs.IDENTIFIER_PART) String memberCode = "";
    private @NotBlank @Size(max = 100) @Pattern(regexp = Inputs.PLAIN_TEXT) String nameZh = "";
    private @NotBlank @Size(max = 100) @Pattern(regexp = Inputs.PLAIN_TEXT) String nameEn = "";
    private @Nullable @Size(max = 64) @Pattern(regexp = "(" + Inputs.IDENTIFIER_PART + ")?") String districtCode;

    public OrganisationForm() {
    }

    OrganisationForm(OrganisationKind kind, String memberCode, String nameZh, String nameEn, @Nullable String districtCode) {
        this.kind = kind;
        this.memberCode = memberCode;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.districtCode = districtCode;
    }

    @Nullable String district() {
        return districtCode == null || districtCode.isBlank() ? null : districtCode;
    }

    public @Nullable OrganisationKind getKind() { return kind; }
    public void setKind(@Nullable OrganisationKind kind) { this.kind = kind; }
    public String getMemberCode() { return memberCode; }
    public void setMemberCode(String memberCode) { this.memberCode = memberCode; }
    public String getNameZh() { return nameZh; }
    public void setNameZh(String nameZh) { this.nameZh = nameZh; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public @Nullable String getDistrictCode() { return districtCode; }
    public void setDistrictCode(@Nullable String districtCode) { this.districtCode = districtCode; }
}
