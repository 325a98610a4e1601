/**
 * The keys: the signing key (configured PEM or generated once), older keys that still verify during a
 * rotation, the JWKS they publish, the {@code dualauth.jwt.*} settings, and the container's
 * {@code mp.jwt.verify.*} settings derived from them ({@link dev.dualauth.token.keys.JwtConfigSource}), so
 * that issuing and verifying can never disagree.
 *
 * <p>Used before CDI exists (the container reads its MP-JWT settings while deploying): no beans here.
 */
package dev.dualauth.token.keys;
