/**
 * The application shell: the three JAX-RS applications (root, {@code /web}, {@code /api}) and what each
 * one lists, {@code GET /ping}, health, and error responses that never leak internals.
 *
 * <p>Holds no authentication logic: see {@code security}, {@code session} and {@code token}.
 */
package dev.dualauth.app;
