/**
 * What both paths share: the handler that sends each request to the token gate ({@code /api/**}), the
 * session gate ({@code /web/**} and the login POST) or no mechanism at all (public endpoints); the
 * {@link dev.dualauth.security.Caller} a gate stores on the request; and the role check every JAX-RS
 * application runs from it ({@link dev.dualauth.security.RolesAllowedFeature}, deny by default).
 *
 * <p>Holds no feature logic: the gates live with their paths in {@code session} and {@code token}.
 */
package dev.dualauth.security;
