package org.commonweal.requests;

import org.commonweal.platform.CommonwealException;
import org.jspecify.annotations.Nullable;

/** A request action refused with a reason a person can act on; {@link #code()} tells which rule. */
public class RequestRefused extends CommonwealException {

    public RequestRefused(RequestsErrorCode code, String detail, @Nullable Object... arguments) {
        super(code, detail, arguments);
    }

    public RequestsErrorCode code() {
        return (RequestsErrorCode) errorCode();
    }
}
