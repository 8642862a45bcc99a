package org.commonweal.requests.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Tracking numbers people can read out on the phone: ten Crockford base-32 characters in two
 * groups ({@code K7M3Q-9QXPA}), random (50 bits), so they reveal nothing about volumes and cannot
 * be guessed. Typed input is forgiving: case, spaces and dashes do not matter, and the letters
 * people confuse with digits (I, L, O) are read as 1, 1, 0.
 */
public final class TrackingNumbers {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 10;
    private final SecureRandom random = new SecureRandom();

    public String next() {
        StringBuilder number = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                number.append('-');
            }
            number.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return number.toString();
    }

    /** The canonical form of what someone typed, or empty if it cannot be a tracking number. */
    public static Optional<String> normalise(String typed) {
        if (typed.length() > 40) {
            return Optional.empty();
        }
        StringBuilder canonical = new StringBuilder(LENGTH + 1);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            char read = switch (c) {
                case 'I', 'L' -> '1';
                case 'O' -> '0';
                default -> c;
            };
            if (read == '-' || Character.isWhitespace(read)) {
                continue;
            }
            if (ALPHABET.indexOf(read) < 0) {
                return Optional.empty();
            }
            if (canonical.length() == LENGTH / 2) {
                canonical.append('-');
            }
            canonical.append(read);
        }
        return canonical.length() == LENGTH + 1 ? Optional.of(canonical.toString()) : Optional.empty();
    }
}
