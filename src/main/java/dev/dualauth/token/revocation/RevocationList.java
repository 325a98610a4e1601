package dev.dualauth.token.revocation;

import java.time.Instant;

/**
 * What makes an access token stop working before it expires, checked on every {@code /api} request without
 * a database query. Each entry lives only as long as the tokens it covers can.
 *
 * <p>Small on purpose: a cluster can back it with Payara's data grid instead of the single-node
 * {@link LocalRevocationList}.
 */
public interface RevocationList {

    /** One access token (by {@code jti}), until it expires. */
    void revokeToken(String jti, Instant tokenExpiry);

    /** Every access token issued from one refresh family (claim {@code sid}), until {@code until}. */
    void revokeFamily(String familyId, Instant until);

    /** Every access token issued to {@code subject} at or before {@code instant}, until {@code until}. */
    void revokeSubjectBefore(String subject, Instant instant, Instant until);

    /** True when any entry covers a token with these claims; {@code familyId} may be null. */
    boolean isRevoked(String jti, String familyId, String subject, Instant issuedAt);

    /**
     * The earliest {@code iat} a new token for {@code subject} may carry so that no earlier revocation
     * covers it: {@code now}, or one second after the subject's latest cut-off (iat has whole seconds).
     */
    Instant issueTimeFor(String subject, Instant now);
}
