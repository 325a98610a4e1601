/**
 * Authorization codes (RFC 6749 §4.1, OAuth 2.1): single-use, short-lived, stored only as hashes, bound to
 * the client, the redirect URI, the user and the PKCE challenge, and remembering the refresh family they
 * started so that a replayed code can revoke it.
 *
 * <p>Uses {@code security} only; the grant itself is {@code token.TokenService}'s.
 */
package dev.dualauth.token.code;
