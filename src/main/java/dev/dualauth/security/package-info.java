/**
 * What both paths share, and nothing that knows either path: the {@link dev.dualauth.security.Caller} a
 * gate stores on the request (with {@link dev.dualauth.security.SessionInfo} on the session path), the role
 * check every JAX-RS application runs from it ({@link dev.dualauth.security.RolesAllowedFeature}, deny by
 * default), the security headers, and small helpers for HTTP answers ({@code NoStore},
 * {@code FormParameters}, {@code InvalidInput}), random values, bounded maps, purge schedules and
 * configuration values.
 *
 * <p>Depends on no other package of the application.
 */
package dev.dualauth.security;
