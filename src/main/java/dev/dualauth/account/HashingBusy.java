package dev.dualauth.account;

/**
 * Thrown when a password cannot be hashed promptly because as many hashes as the server allows are
 * already running (a login flood): the caller answers {@code 503} with {@code Retry-After} (the token
 * endpoint) or the login error page (the form), instead of queueing without bound.
 */
public class HashingBusy extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Whole seconds a client should wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 1;

    public HashingBusy() {
        super("password hashing is at its limit", null, false, false);
    }

    /** True if {@code error} is or was caused by this (the container's identity store handler wraps it). */
    public static boolean in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HashingBusy) {
                return true;
            }
        }
        return false;
    }
}
