package org.commonweal.privacy;

import java.util.Optional;

/**
 * A resident identity number (居民身份证号码) as GB 11643-1999 defines it: 17 digits and a check
 * character (0-9 or X) computed with ISO 7064 MOD 11-2. Only the form is checked, not whether the
 * person exists.
 */
public record ResidentIdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    public ResidentIdNumber {
        if (!valid(value)) {
            throw new IllegalArgumentException("Not a resident ID number: 18 characters with a valid check digit");
        }
    }

    /** Reads a typed number: spaces removed, a lower-case x accepted. */
    public static Optional<ResidentIdNumber> parse(String text) {
        String cleaned = text.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
        return valid(cleaned) ? Optional.of(new ResidentIdNumber(cleaned)) : Optional.empty();
    }

    static boolean valid(String value) {
        if (value.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return value.charAt(17) == CHECK[sum % 11];
    }

    /** Never the number itself in logs or pages. */
    @Override
    public String toString() {
        return "ResidentIdNumber[" + value.substring(0, 2) + "****************]";
    }
}
