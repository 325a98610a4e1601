/**
 * The composition root: {@link dev.dualauth.app.PathRoutingHandler}, which sends each request to the
 * token gate ({@code /api/**}), the session gate ({@code /web/**} and the login POST) or no mechanism; the
 * three JAX-RS applications (root, {@code /web}, {@code /api}) and what each one lists; the settings
 * producer; {@code GET /ping}, health, and error responses that never leak internals.
 *
 * <p>The only package that may depend on every other one; none depends on it.
 */
package dev.dualauth.app;
