/**
 * The caller's own account: who they are ({@code GET /web/me}, {@code GET /api/me}), changing their
 * password, and logging out everywhere, whichever way they authenticated. Reads the
 * {@link dev.dualauth.security.Caller} the path's gate stored, never the container's principal.
 */
package dev.dualauth.caller;
