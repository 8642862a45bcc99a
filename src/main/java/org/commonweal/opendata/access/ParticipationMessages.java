package org.commonweal.opendata.access;

import java.util.Locale;

import org.commonweal.platform.web.FormErrors;
import org.springframework.context.MessageSource;

/**
 * Puts a refusal on a form: the message for its code and field when there is one
 * ({@code opendata.participation.error.field_missing.purpose}), else the message for its code.
 */
public final class ParticipationMessages {

    public static String of(ParticipationRefused refused, MessageSource messages, Locale locale) {
        String general = messages.getMessage(refused.code().messageKey(), null, refused.getMessage(), locale);
        return refused.field().isEmpty() ? general
                : messages.getMessage(refused.code().messageKey() + "." + refused.field(), null, general, locale);
    }

    public static FormErrors errors(ParticipationRefused refused, MessageSource messages, Locale locale) {
        return FormErrors.none().add(refused.field(), of(refused, messages, locale));
    }

    private ParticipationMessages() {
    }
}
