package org.commonweal.opendata.datastore;

import org.commonweal.platform.CommonwealException;
import org.jspecify.annotations.Nullable;

/**
 * A file or a query the datastore will not take, with a reason a person can act on.
 * For a file, {@link #line()} is where in it the problem is (1 = the header line); for a query,
 * {@link #parameter()} names the CKAN parameter at fault ({@code filters}, {@code sort}, ...).
 */
public class DatastoreRefused extends CommonwealException {

    private final @Nullable Long line;
    private final @Nullable String parameter;

    private DatastoreRefused(DatastoreErrorCode code, String detail, @Nullable Long line, @Nullable String parameter) {
        super(code, detail);
        this.line = line;
        this.parameter = parameter;
    }

    /** A problem with the file as a whole. */
    public static DatastoreRefused file(DatastoreErrorCode code, String detail) {
        return new DatastoreRefused(code, detail, null, null);
    }

    /** A problem at a line of the file (an Excel row number for workbooks). */
    public static DatastoreRefused atLine(DatastoreErrorCode code, long line, String detail) {
        return new DatastoreRefused(code, "Line " + line + ": " + detail, line, null);
    }

    /** A query parameter that cannot be used. */
    public static DatastoreRefused parameter(DatastoreErrorCode code, String parameter, String detail) {
        return new DatastoreRefused(code, detail, null, parameter);
    }

    public static DatastoreRefused notLoaded(java.util.UUID resourceId) {
        return new DatastoreRefused(DatastoreErrorCode.RESOURCE_NOT_LOADED,
                "Resource \"" + resourceId + "\" has no datastore table.", null, null);
    }

    public DatastoreErrorCode code() {
        return (DatastoreErrorCode) errorCode();
    }

    public @Nullable Long line() {
        return line;
    }

    public @Nullable String parameter() {
        return parameter;
    }
}
