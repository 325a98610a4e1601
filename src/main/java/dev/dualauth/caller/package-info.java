/**
 * Who the caller is ({@code GET /web/me}, {@code GET /api/me}), whichever way they authenticated.
 */
package dev.dualauth.caller;
