/**
 * The OAuth 2 endpoints: {@code POST /auth/token} (password and refresh grants), {@code POST /auth/revoke}
 * (RFC 7009), the JWKS and the RFC 8414 metadata, with RFC 6749 §5.2 error answers.
 *
 * <p>Protocol messages only; what a grant or a revocation does is {@code token.TokenService}'s.
 */
package dev.dualauth.token.oauth;
