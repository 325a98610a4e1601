package dev.dualauth.account;

import java.util.Optional;

/**
 * What a password login verified — the account and the password hash it checked the password against —
 * handed from the identity store to whoever issues the login (the session gate, the token endpoint) on
 * the same thread and request. The issuer asks {@link AccountService#stillAsVerified} before it issues:
 * a password change or a disable that landed while the password was being hashed (PBKDF2 takes about
 * 160 ms) refuses the login instead of letting it outlive the change. What lands after that question is
 * caught by the change's own revocation, because the login's time is taken before the question.
 *
 * <p>A thread-local rather than a request-scoped bean: the identity store runs inside the container's
 * authentication, where servers differ on whether CDI's request context is active. {@link #expect()}
 * before the login and {@link #take()} after it bound its life to that one call.
 */
public final class VerifiedLogin {

    private static final ThreadLocal<VerifiedLogin> CURRENT = new ThreadLocal<>();

    private final String username;
    private final String passwordHash;

    private VerifiedLogin(String username, String passwordHash) {
        this.username = username;
        this.passwordHash = passwordHash;
    }

    /** Before a login on this thread: forgets whatever an earlier one left. */
    public static void expect() {
        CURRENT.remove();
    }

    /** After it: what the identity store verified, if it verified a password; forgotten by this call. */
    public static Optional<VerifiedLogin> take() {
        VerifiedLogin verified = CURRENT.get();
        CURRENT.remove();
        return Optional.ofNullable(verified);
    }

    static void record(String username, String passwordHash) {
        CURRENT.set(new VerifiedLogin(username, passwordHash));
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    @Override
    public String toString() {
        return "VerifiedLogin[" + username + "]"; // never the hash
    }
}
