package org.commonweal.calendar;

import org.jspecify.annotations.Nullable;

/**
 * Argument checks. Callers are other modules passing user-derived values, so a bad argument is
 * reported as {@link IllegalArgumentException} (also for null, which the API promises to reject
 * that way rather than with a {@link NullPointerException}).
 */
final class Arguments {

    private Arguments() {
    }

    static <T> T required(@Nullable T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    static String requiredText(@Nullable String value, String name) {
        if (required(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
