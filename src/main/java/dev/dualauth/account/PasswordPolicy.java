package dev.dualauth.account;

import java.util.Optional;

/**
 * What a new password must be (ASVS 5.0 V6.2): at least 12 characters, at most 1024, any characters.
 * No composition rules and no forced rotation.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;

    private PasswordPolicy() {
    }

    /** Why the password is not acceptable, or empty when it is. */
    public static Optional<String> problem(String password) {
        if (password == null) {
            return Optional.of("a password is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("passwords need at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("passwords may have at most " + MAX_LENGTH + " characters");
        }
        return Optional.empty();
    }
}
