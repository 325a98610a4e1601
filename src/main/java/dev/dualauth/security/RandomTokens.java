package dev.dualauth.security;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable values (CSRF tokens, refresh tokens): 256 bits from the platform's CSPRNG, base64url. */
public final class RandomTokens {

    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    /** 43 characters of {@code [A-Za-z0-9_-]}. */
    public static String next() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
