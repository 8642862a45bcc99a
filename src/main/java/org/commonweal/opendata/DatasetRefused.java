package org.commonweal.opendata;

import org.commonweal.platform.CommonwealException;

/**
 * An open data action refused with a reason a person can act on. {@link #field()} names the form
 * field or JSON member at fault (empty when it is the whole request).
 */
public class DatasetRefused extends CommonwealException {

    private final String field;

    public DatasetRefused(OpenDataErrorCode code, String field, String detail) {
        super(code, detail);
        this.field = field;
    }

    public OpenDataErrorCode code() {
        return (OpenDataErrorCode) errorCode();
    }

    public String field() {
        return field;
    }
}
