/**
 * The session path: container FORM login ({@code POST /j_security_check}), the login pages, the caller kept
 * in the {@code HttpSession} and re-asserted on every request, a new session id on login, and logout.
 *
 * <p>Knows nothing of tokens: a bearer token sent to {@code /web/**} is never looked at.
 */
package dev.dualauth.session;
