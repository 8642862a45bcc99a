package org.commonweal.exchange.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.commonweal.platform.web.FormErrors;
import org.jspecify.annotations.Nullable;

/** Reading the numbers and dates people type, with the field's error when they cannot be read. */
final class ApplicationForms {

    private ApplicationForms() {
    }

    static @Nullable LocalDate date(String text, String field, FormErrors errors, String message) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, message);
            return null;
        }
    }

    static int number(String text, int fallback, String field, FormErrors errors, String message) {
        if (text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            errors.add(field, message);
            return fallback;
        }
    }
}
