package org.commonweal.identity;

/** What a signed-in person may do. An account can hold several roles. */
public enum Role {
    /** A member of the public: makes requests, rates services, sees who used their data. */
    CITIZEN,
    /** Works in one department and handles that department's work only. */
    STAFF,
    /** Runs one department: its staff, its API clients, its escalations. */
    DEPARTMENT_ADMIN,
    /** Reads everything, across departments, and changes nothing. */
    AUDITOR,
    /** Runs the platform: organisations, accounts and roles. */
    PLATFORM_ADMIN,
    /** Oversees data sharing: overdue applications, refusals; sees all agreements. */
    DATA_AUTHORITY;

    /** The Spring Security authority, for example {@code ROLE_STAFF}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Staff and department administrators must belong to a department. */
    public boolean needsDepartment() {
        return this == STAFF || this == DEPARTMENT_ADMIN;
    }
}
