package org.commonweal.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * The errors of a submitted form, localised, for the error summary at the top of the page and
 * the message beside each field (the GOV.UK pattern). Global errors belong to no field.
 */
public final class FormErrors {

    /** One problem: the field it belongs to (empty for the whole form) and what to do about it. */
    public record Problem(String field, String message) {
    }

    private final Map<String, String> byField = new LinkedHashMap<>();
    private final List<Problem> all = new ArrayList<>();

    private FormErrors() {
    }

    public static FormErrors none() {
        return new FormErrors();
    }

    public static FormErrors of(BindingResult result, MessageSource messages, Locale locale) {
        FormErrors errors = new FormErrors();
        for (ObjectError error : result.getAllErrors()) {
            String message = messages.getMessage(error, locale);
            String field = error instanceof FieldError fieldError ? fieldError.getField() : "";
            if (!field.isEmpty() && errors.byField.containsKey(field)) {
                continue; // one message per field is enough to act on
            }
            errors.add(field, message);
        }
        return errors;
    }

    /** Adds a problem that is not tied to one field, or one found after binding (a taken username). */
    public FormErrors add(String field, String message) {
        if (!field.isEmpty()) {
            byField.put(field, message);
        }
        all.add(new Problem(field, message));
        return this;
    }

    public boolean any() {
        return !all.isEmpty();
    }

    public List<Problem> all() {
        return List.copyOf(all);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public @Nullable String of(String field) {
        return byField.get(field);
    }
}
