package org.commonweal.catalogue.web;

import java.util.List;

import org.commonweal.catalogue.Catalogue;
import org.commonweal.catalogue.CatalogueErrorCode;
import org.commonweal.catalogue.CatalogueRefused;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.Role;
import org.springframework.stereotype.Component;

/** Which department's catalogue a person manages: their own, or (platform administrators) the one they pick. */
@Component
class Departments {

    private final Catalogue catalogue;
    private final Organisations organisations;

    Departments(Catalogue catalogue, Organisations organisations) {
        this.catalogue = catalogue;
        this.organisations = organisations;
    }

    List<Organisation> all() {
        return organisations.departments();
    }

    /** The department managed now: staff always their own; an administrator the one asked for, else the first. */
    Organisation managed(CommonwealUser user, String asked) {
        List<Organisation> departments = all();
        if (user.has(Role.PLATFORM_ADMIN)) {
            return departments.stream().filter(d -> d.identifier().memberCode().equals(asked)).findFirst()
                    .orElse(departments.getFirst());
        }
        String own = catalogue.departmentOf(user).orElseThrow(() -> new CatalogueRefused(
                CatalogueErrorCode.NOT_PROVIDER, "Only department staff manage a catalogue", ""));
        return departments.stream().filter(d -> d.identifier().memberCode().equals(own)).findFirst().orElseThrow();
    }
}
