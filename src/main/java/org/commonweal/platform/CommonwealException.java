package org.commonweal.platform;

import org.jspecify.annotations.Nullable;

/**
 * A refused action with a stable code and a reason a person can act on. The web layer turns it
 * into an RFC 9457 problem detail for APIs and a friendly page for people.
 */
public class CommonwealException extends RuntimeException {

    private final ErrorCode errorCode;
    private final @Nullable Object[] arguments;

    public CommonwealException(ErrorCode errorCode, String detail, @Nullable Object... arguments) {
        super(detail);
        this.errorCode = errorCode;
        this.arguments = arguments;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** Arguments for the localised message of {@link ErrorCode#messageKey()}. */
    public @Nullable Object[] arguments() {
        return arguments.clone();
    }
}
