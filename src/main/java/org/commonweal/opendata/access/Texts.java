package org.commonweal.opendata.access;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Checks for free text people type into participation forms: required, within a length, and
 * without markup (pages escape everything anyway, but a title with a script tag is never what a
 * person meant, so it is refused with a reason rather than stored).
 */
public final class Texts {

    private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[a-zA-Z!?]|javascript:",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

    public static String required(@Nullable String text, String field, int max) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new ParticipationRefused(ParticipationErrorCode.FIELD_MISSING, field, "Fill in " + field + ".");
        }
        return checked(t, field, max);
    }

    public static String optional(@Nullable String text, String field, int max) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? "" : checked(t, field, max);
    }

    private static String checked(String t, String field, int max) {
        if (t.codePointCount(0, t.length()) > max) {
            throw new ParticipationRefused(ParticipationErrorCode.FIELD_TOO_LONG, field,
                    field + " is longer than " + max + " characters.");
        }
        if (MARKUP.matcher(t).find() || CONTROL.matcher(t).find()) {
            throw new ParticipationRefused(ParticipationErrorCode.MARKUP_NOT_ALLOWED, field,
                    field + " contains markup or control characters; write plain text.");
        }
        return t;
    }

    private Texts() {
    }
}
