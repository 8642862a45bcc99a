package org.commonweal.privacy;

import org.commonweal.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Why a privacy action was refused. */
public enum PrivacyErrorCode implements ErrorCode {
    ID_NUMBER_INVALID(HttpStatus.BAD_REQUEST),
    ID_NUMBER_TAKEN(HttpStatus.CONFLICT),
    NOT_A_CITIZEN(HttpStatus.FORBIDDEN);

    private final HttpStatus status;

    PrivacyErrorCode(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    /** Keys carry the module, so modules that share a code keep their own wording. */
    @Override
    public String messageKey() {
        return "privacy.error." + code();
    }
}
