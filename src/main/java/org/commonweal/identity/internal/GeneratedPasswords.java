package org.commonweal.identity.internal;

import java.security.SecureRandom;

/** Generated passwords: 16 characters without look-alikes (0/O, 1/l/I), easy to read out on the phone. */
public final class GeneratedPasswords {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static String generate() {
        StringBuilder password = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private GeneratedPasswords() {
    }
}
