package dev.dualauth.account;

/**
 * Fired when every existing login of an account must end: the token path revokes the user's tokens, the
 * session path ends the user's sessions (except {@code keepSessionId}, the caller's own session when they
 * changed their password through it; null to end them all).
 */
public record CredentialsRevoked(String username, Cause cause, String keepSessionId) {

    public enum Cause { PASSWORD_CHANGED, LOGOUT_EVERYWHERE, ACCOUNT_DISABLED }
}
