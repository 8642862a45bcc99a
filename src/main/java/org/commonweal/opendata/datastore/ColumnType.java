package org.commonweal.opendata.datastore;

/** The type inferred for a column from every value in it; empty cells fit any type. */
public enum ColumnType {
    /** whole numbers that fit 64 bits */
    INTEGER("int"),
    /** other decimal numbers (exact) */
    DECIMAL("numeric"),
    /** ISO dates, yyyy-mm-dd */
    DATE("date"),
    TEXT("text");

    private final String ckanType;

    ColumnType(String ckanType) {
        this.ckanType = ckanType;
    }

    /** The type name CKAN's datastore reports in {@code fields}. */
    public String ckanType() {
        return ckanType;
    }
}
