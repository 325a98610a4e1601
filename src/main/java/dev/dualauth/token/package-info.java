/**
 * The token path's gate and lifecycle: {@link dev.dualauth.token.TokenGate} in front of the container's
 * MicroProfile JWT mechanism on {@code /api} (the {@link dev.dualauth.token.TokenRules} the container
 * skips, the verified-token cache, revocation, RFC 6750 challenges, rejection counts), issuing access
 * tokens, and {@link dev.dualauth.token.TokenService}: the grants and every way a token stops working
 * early. Keys, revocation and refresh families are sub-packages; the OAuth endpoints are in
 * {@code token.oauth}.
 *
 * <p>Knows nothing of HTTP sessions; checks passwords only through the container's identity store handler.
 */
package dev.dualauth.token;
