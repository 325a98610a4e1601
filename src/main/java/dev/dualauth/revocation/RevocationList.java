package dev.dualauth.revocation;

import java.time.Instant;

/**
 * What makes a login stop working before it would end by itself, checked on every request without a
 * database query: one access token, the access tokens of a refresh family, and everything — tokens and
 * sessions — a user logged in to before a cut-off (logout everywhere, password change, account disabled).
 * Each entry lives only as long as what it covers can.
 *
 * <p>One implementation, {@link LocalRevocationList}; in a cluster {@link RevocationSync} feeds it what the
 * other nodes revoke.
 */
public interface RevocationList {

    /** One access token (by {@code jti}), until it expires. */
    void revokeToken(String jti, Instant tokenExpiry);

    /** Every access token issued from one refresh family (claim {@code sid}), until {@code until}. */
    void revokeFamily(String familyId, Instant until);

    /**
     * Every token issued to and every session logged in by {@code subject} at or before {@code instant},
     * until {@code until}. Later cut-offs of the same subject extend earlier ones, never shorten them.
     */
    void revokeSubjectBefore(String subject, Instant instant, Instant until);

    /** True when any entry covers a token with these claims; {@code jti} and {@code familyId} may be null. */
    boolean isRevoked(String jti, String familyId, String subject, Instant issuedAt);

    /** True when {@code subject} was logged out everywhere after a login at {@code loggedInAt}. */
    default boolean loggedOutSince(String subject, Instant loggedInAt) {
        return isRevoked(null, null, subject, loggedInAt);
    }

    /**
     * The earliest time a new token or session of {@code subject} may carry so that no earlier cut-off
     * covers it: {@code now}, or one second after the subject's latest cut-off (cut-offs have whole seconds).
     */
    Instant issueTimeFor(String subject, Instant now);
}
