/**
 * The token path's own parts: the signing key (load or generate, JWKS), issuing access tokens at
 * {@code POST /auth/token}, the {@code /.well-known} documents, the MicroProfile JWT settings derived from
 * ours, and the gate in front of the container's MP-JWT mechanism on {@code /api}.
 *
 * <p>Knows nothing of HTTP sessions; checks passwords only through the container's identity store handler.
 */
package dev.dualauth.token;
