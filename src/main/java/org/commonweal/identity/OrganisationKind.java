package org.commonweal.identity;

/** The three kinds of organisation, each with its X-Road member class. */
public enum OrganisationKind {
    DEPARTMENT("GOV"),
    ENTERPRISE("COM"),
    SOCIAL_ORGANISATION("ORG");

    private final String memberClass;

    OrganisationKind(String memberClass) {
        this.memberClass = memberClass;
    }

    public String memberClass() {
        return memberClass;
    }
}
