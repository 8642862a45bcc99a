package org.commonweal.requests.internal;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable URL-safe keys (144 bits): receipt keys for anonymous requesters and Open311 tokens. */
public final class RandomKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomKeys() {
    }

    public static String next() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
