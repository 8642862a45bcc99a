package org.commonweal.opendata.access;

import java.security.SecureRandom;

/** Digests and short public numbers shared by the participation features. */
public final class Digests {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static String sha256(String text) {
        return ConditionalAccess.sha256(text);
    }

    /** A short random public number such as {@code R-7KQ3M9}: readable, and revealing no volumes. */
    public static String number(String prefix) {
        StringBuilder number = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 6; i++) {
            number.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return number.toString();
    }

    private Digests() {
    }
}
