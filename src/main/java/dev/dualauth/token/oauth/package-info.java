/**
 * The OAuth 2 endpoints: {@code GET /auth/authorize} (authorization code with PKCE, whose login is the
 * session path's FORM login), {@code POST /auth/token} (code, refresh and, where switched on, password
 * grants), {@code POST /auth/revoke} (RFC 7009), the JWKS and the RFC 8414 metadata, with RFC 6749 error
 * answers; the registered clients ({@code dualauth.oauth.*}).
 *
 * <p>Protocol messages only; what a grant or a revocation does is {@code token.TokenService}'s.
 */
package dev.dualauth.token.oauth;
