package org.commonweal.opendata.access;

import java.util.UUID;

/** Identifiers typed into addresses: anything that is not one is simply not found (never a 500). */
public final class ParticipationIds {

    public static UUID applicationId(String text) {
        return parse(text, ParticipationErrorCode.APPLICATION_NOT_FOUND);
    }

    public static UUID reuseId(String text) {
        return parse(text, ParticipationErrorCode.REUSE_NOT_FOUND);
    }

    private static UUID parse(String text, ParticipationErrorCode notFound) {
        try {
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // not found, below
        }
        throw new ParticipationRefused(notFound, "", "Nothing has this id.");
    }

    private ParticipationIds() {
    }
}
