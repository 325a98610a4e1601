/**
 * The session path: the gate in front of the container's FORM mechanism (a new session id on the login
 * POST, the caller kept in the {@code HttpSession} and re-asserted on every request, the absolute
 * lifetime), CSRF tokens and the cross-site checks on unsafe requests, the login pages, the session
 * cookie's settings, the registry that ends a user's sessions, and logout.
 *
 * <p>Knows nothing of tokens: a bearer token sent to {@code /web/**} is never looked at.
 */
package dev.dualauth.session;
