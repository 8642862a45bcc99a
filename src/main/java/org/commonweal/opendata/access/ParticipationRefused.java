package org.commonweal.opendata.access;

import org.commonweal.platform.CommonwealException;

/**
 * A participation action refused with a reason a person can act on; {@link #field()} names the
 * form field at fault (empty when it is the whole action).
 */
public class ParticipationRefused extends CommonwealException {

    private final String field;

    public ParticipationRefused(ParticipationErrorCode code, String field, String detail) {
        super(code, detail);
        this.field = field;
    }

    public ParticipationErrorCode code() {
        return (ParticipationErrorCode) errorCode();
    }

    public String field() {
        return field;
    }
}
