package org.commonweal.opendata;

/**
 * How far a dataset is open to the public (无条件开放 / 有条件开放 / 不予开放). Not-open datasets are
 * kept for the department's own staff and never appear in any public list, API or catalogue.
 */
public enum OpenLevel {
    /** Anyone may read and download it (无条件开放). */
    UNCONDITIONAL("http://publications.europa.eu/resource/authority/access-right/PUBLIC"),
    /** Its description is public; its data only after an application is approved (有条件开放). */
    CONDITIONAL("http://publications.europa.eu/resource/authority/access-right/RESTRICTED"),
    /** Not opened (不予开放): staff only, never public. */
    NOT_OPEN("http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC");

    private final String accessRight;

    OpenLevel(String accessRight) {
        this.accessRight = accessRight;
    }

    /** The EU access-right vocabulary URI used in DCAT-AP. */
    public String accessRight() {
        return accessRight;
    }

    /** The value used in searches and the CKAN {@code open_level} field, for example {@code unconditional}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isPublic() {
        return this != NOT_OPEN;
    }
}
