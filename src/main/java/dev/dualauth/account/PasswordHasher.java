package dev.dualauth.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The configured password hash, and a dummy hash that unknown user names are checked against so that
 * they take as long to reject as a wrong password.
 */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    AccountSettings settings;

    private PasswordHash hash;
    private String dummy;

    @PostConstruct
    void init() {
        hash = new PasswordHash(settings.pbkdf2Iterations());
        dummy = hash.hash("dummy password for unknown users".toCharArray());
    }

    public String hash(char[] password) {
        return hash.hash(password);
    }

    public boolean verify(char[] password, String stored) {
        return hash.verify(password, stored);
    }

    /** Spends the same time as {@link #verify} and always fails. */
    public boolean verifyAgainstDummy(char[] password) {
        hash.verify(password, dummy);
        return false;
    }

    public boolean needsRehash(String stored) {
        return hash.needsRehash(stored);
    }
}
