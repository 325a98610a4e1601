/**
 * Refresh tokens: opaque random values stored as hashes, chained in families that start at a login,
 * spent once each (atomically), with reuse of a spent one revoking its family (RFC 9700 §4.14.2), and the
 * families' idle and absolute lifetimes.
 *
 * <p>Knows nothing of access tokens: revoking those is {@code TokenService}'s part.
 */
package dev.dualauth.token.refresh;
