package org.commonweal.platform;

import org.springframework.http.HttpStatus;

/**
 * A stable, snake_case error code that API clients can rely on. Each module keeps one enum of its
 * codes implementing this interface, so the codes stay greppable and documented in one place.
 */
public interface ErrorCode {

    /** The code as it appears in the problem detail, for example {@code organisation_not_found}. */
    String code();

    HttpStatus status();

    /** The message bundle key for the human-readable title. */
    default String messageKey() {
        return "error." + code();
    }
}
