package org.commonweal.identity.web;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.commonweal.identity.Accounts;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.District;
import org.commonweal.identity.Districts;
import org.commonweal.identity.IdentityErrorCode;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.OrganisationIdentifier;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.Role;
import org.commonweal.platform.CommonwealException;
import org.commonweal.platform.PlatformErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Organisations, districts and the caller's identity as JSON, for departments' own systems. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Identity", description = "Organisations, districts and who is calling")
class IdentityApiController {

    record OrganisationView(String identifier, String kind, String nameZh, String nameEn, @Nullable String district) {
        static OrganisationView of(Organisation o) {
            return new OrganisationView(o.identifier().toString(), o.kind().name(), o.nameZh(), o.nameEn(), o.districtCode());
        }
    }

    record CallerView(String name, boolean machineClient, @Nullable String organisation, Set<Role> roles) {
    }

    record StaffView(String username, String displayName, Set<Role> roles, boolean enabled) {
    }

    record DistrictView(String code, String nameZh, String nameEn, Object boundary) {
    }

    private final Organisations organisations;
    private final Accounts accounts;
    private final Districts districts;
    private final JsonMapper json;

    IdentityApiController(Organisations organisations, Accounts accounts, Districts districts, JsonMapper json) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.districts = districts;
        this.json = json;
    }

    @GetMapping("/me")
    @Operation(summary = "Who is calling: a signed-in person or a department's system (API token)")
    CallerView me(CommonwealUser caller) {
        String organisation = caller.organisationId() == null ? null
                : organisations.find(caller.organisationId()).map(o -> o.identifier().toString()).orElse(null);
        return new CallerView(caller.name(), caller.machineClient(), organisation, caller.roles());
    }

    @GetMapping("/organisations")
    @Operation(summary = "Every organisation on the platform with its X-Road-style identifier (public)")
    List<OrganisationView> organisations() {
        return organisations.all().stream().map(OrganisationView::of).toList();
    }

    @GetMapping("/organisations/{instance}/{memberClass}/{memberCode}")
    @Operation(summary = "One organisation by its identifier INSTANCE/CLASS/CODE")
    OrganisationView organisation(@PathVariable String instance, @PathVariable String memberClass,
                                  @PathVariable String memberCode) {
        return OrganisationView.of(find(instance, memberClass, memberCode));
    }

    @GetMapping("/organisations/{instance}/{memberClass}/{memberCode}/staff")
    @Operation(summary = "A department's staff: for its own staff and systems, auditors and the platform administrator")
    List<StaffView> staff(CommonwealUser caller, @PathVariable String instance, @PathVariable String memberClass,
                          @PathVariable String memberCode) {
        Organisation department = find(instance, memberClass, memberCode);
        if (!caller.maySeeDepartment(department.id())) {
            throw new CommonwealException(IdentityErrorCode.OTHER_DEPARTMENT,
                    "Only " + department.identifier() + "'s own staff, auditors and platform administrators see its staff");
        }
        return accounts.inDepartment(department.id()).stream()
                .map(a -> new StaffView(a.username(), a.displayName(), a.roles(), a.enabled())).toList();
    }

    @GetMapping("/districts")
    @Operation(summary = "The city's districts with their boundaries as GeoJSON polygons (public)")
    List<DistrictView> districts() {
        return districts.all().stream().map(this::view).toList();
    }

    private DistrictView view(District d) {
        return new DistrictView(d.code(), d.nameZh(), d.nameEn(), json.readTree(d.boundaryGeoJson()));
    }

    private Organisation find(String instance, String memberClass, String memberCode) {
        OrganisationIdentifier identifier;
        try {
            identifier = OrganisationIdentifier.of(instance, memberClass, memberCode);
        } catch (IllegalArgumentException e) {
            throw new CommonwealException(PlatformErrorCode.INVALID_REQUEST, e.getMessage());
        }
        return organisations.find(identifier).orElseThrow(() -> new CommonwealException(
                IdentityErrorCode.ORGANISATION_NOT_FOUND, "No organisation has identifier " + identifier, identifier));
    }

}
