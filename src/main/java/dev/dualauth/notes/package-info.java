/**
 * The demo resource: a caller's notes. One implementation, mounted under {@code /web} and {@code /api}.
 *
 * <p>Knows the caller only by name (the {@link dev.dualauth.security.Caller} of the request), never how
 * they authenticated.
 */
package dev.dualauth.notes;
