package org.commonweal.platform;

import org.springframework.http.HttpStatus;

/**
 * A stable, snake_case error code that API clients can rely on. Each module keeps one enum of its
 * codes implementing this interface, so the codes stay greppable and documented in one place.
 */
public interface ErrorCode {

    /** The enum constant's name, for example {@code ORGANISATION_NOT_FOUND}. */
    String name();

    /** The code as it appears in the problem detail, for example {@code organisation_not_found}. */
    default String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    HttpStatus status();

    /** The message bundle key for the human-readable title. */
    default String messageKey() {
        return "error." + code();
    }
}
