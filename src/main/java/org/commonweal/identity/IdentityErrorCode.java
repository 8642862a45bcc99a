package org.commonweal.identity;

import org.commonweal.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Why an identity action was refused. */
public enum IdentityErrorCode implements ErrorCode {
    ORGANISATION_NOT_FOUND(HttpStatus.NOT_FOUND),
    ORGANISATION_EXISTS(HttpStatus.CONFLICT),
    ACCOUNT_NOT_FOUND(HttpStatus.NOT_FOUND),
    USERNAME_TAKEN(HttpStatus.CONFLICT),
    DEPARTMENT_REQUIRED(HttpStatus.BAD_REQUEST),
    NOT_A_DEPARTMENT(HttpStatus.BAD_REQUEST),
    LAST_PLATFORM_ADMIN(HttpStatus.CONFLICT),
    OTHER_DEPARTMENT(HttpStatus.FORBIDDEN),
    TOKEN_NOT_FOUND(HttpStatus.NOT_FOUND),
    STALE_UPDATE(HttpStatus.CONFLICT);

    private final HttpStatus status;

    IdentityErrorCode(HttpStatus status) {
        this.status = status;
    }


    @Override
    public HttpStatus status() {
        return status;
    }
}
