package dev.dualauth.account;

import java.time.Instant;

/**
 * Fired when every login of an account made until {@code at} must end: the token path revokes the user's
 * tokens, the session path ends the user's sessions (except {@code keepSessionId}, the caller's own
 * session when they changed their password through it; null to end them all). Both paths cut off at the
 * same instant, whichever observes first.
 */
public record CredentialsRevoked(String username, Cause cause, String keepSessionId, Instant at) {

    public enum Cause { PASSWORD_CHANGED, LOGOUT_EVERYWHERE, ACCOUNT_DISABLED }
}
