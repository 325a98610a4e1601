package dev.dualauth.session;

import jakarta.servlet.http.HttpSession;

/**
 * The live sessions of each user, so that a password change, "log out everywhere" or a disabled account
 * can end them. Small on purpose: a cluster can back it with Payara's data grid instead of the single-node
 * {@link LocalSessionRegistry}.
 */
public interface SessionRegistry {

    /** Called when {@code username} has logged in to {@code session}. */
    void register(String username, HttpSession session);

    /** Called when a session ends, whatever ended it. */
    void forget(HttpSession session);

    /** Ends every session of {@code username} except the one with id {@code keepSessionId} (may be null). */
    void endAllOf(String username, String keepSessionId);
}
