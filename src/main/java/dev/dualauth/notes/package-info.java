/**
 * The demo resource: a caller's notes. One implementation, mounted under {@code /web} and {@code /api}.
 *
 * <p>Knows the caller only by name ({@link jakarta.ws.rs.core.SecurityContext}), never how they authenticated.
 */
package dev.dualauth.notes;
