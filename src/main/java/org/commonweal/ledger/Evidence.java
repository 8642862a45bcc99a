package org.commonweal.ledger;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a module records about a consequential action. It becomes a public, canonical JSON entry
 * ({@code {"type":…,"at":…,"subject":…,"actor":…, …details}}), so it must hold no personal data in
 * clear: only public identifiers, organisation identifiers and digests (see {@link Ledger#pseudonym}).
 *
 * @param type what happened, {@code module.past_tense_action}, for example {@code identity.roles_changed}
 * @param subject the public identifier the entry is about; all entries about it form its history
 * @param actor who acted: an organisation identifier or a pseudonym
 * @param details further public facts: strings, integers, booleans or lists of them
 */
public record Evidence(String type, String subject, String actor, Map<String, Object> details) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_.]*");
    private static final int MAX_TEXT = 200;

    public Evidence {
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("Evidence type must look like module.action, not '" + type + "'");
        }
        requireText("subject", subject);
        requireText("actor", actor);
        details = Map.copyOf(details);
        for (String reserved : new String[]{"type", "at", "subject", "actor"}) {
            if (details.containsKey(reserved)) {
                throw new IllegalArgumentException("Evidence details cannot redefine '" + reserved + "'");
            }
        }
    }

    public static Evidence of(String type, String subject, String actor) {
        return new Evidence(type, subject, actor, Map.of());
    }

    private static void requireText(String what, String value) {
        if (value.isBlank() || value.length() > MAX_TEXT) {
            throw new IllegalArgumentException("Evidence " + what + " must be 1-" + MAX_TEXT + " characters");
        }
    }
}
