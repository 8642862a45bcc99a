package org.commonweal.catalogue;

import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * Who sees what in the catalogue (docs/adr/0007): everyone sees every current resource except core
 * data, with its items, sharing type and, for resources not shared, the legal basis; people working
 * in government (staff, department administrators, auditors, platform administrators) also see core
 * data and retired resources.
 */
public enum Visibility {
    PUBLIC,
    GOVERNMENT;

    public static Visibility of(@Nullable CommonwealUser user) {
        if (user == null) {
            return PUBLIC;
        }
        return user.has(Role.STAFF) || user.has(Role.DEPARTMENT_ADMIN) || user.has(Role.AUDITOR)
                || user.has(Role.PLATFORM_ADMIN) ? GOVERNMENT : PUBLIC;
    }

    public boolean sees(DataResource resource) {
        return this == GOVERNMENT || (!resource.retired() && resource.grade() != DataGrade.CORE);
    }
}
