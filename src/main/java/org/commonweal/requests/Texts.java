package org.commonweal.requests;

import org.jspecify.annotations.Nullable;

/** Text as people type it, made safe to store: trimmed, line ends unified, control characters removed. */
final class Texts {

    private Texts() {
    }

    /** Null for null or blank; otherwise the text without control characters (NUL breaks PostgreSQL text). */
    static @Nullable String clean(@Nullable String text) {
        if (text == null) {
            return null;
        }
        StringBuilder cleaned = new StringBuilder(text.length());
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < unified.length(); i++) {
            char c = unified.charAt(i);
            if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                cleaned.append(c);
            }
        }
        String stripped = cleaned.toString().strip();
        return stripped.isEmpty() ? null : stripped;
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
