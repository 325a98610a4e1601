/**
 * The browser pages: the session path's server-rendered page {@code /web/} with its plain HTML forms
 * (post/redirect/get), and the static files of {@code /app/} (the token path's browser application) and
 * {@code /assets/}.
 *
 * <p>The forms reuse the services the JSON endpoints use ({@link dev.dualauth.notes.NoteTable},
 * {@link dev.dualauth.account.AccountService}); their CSRF token is checked by the session gate before
 * any resource runs. Everything a user wrote is HTML-escaped ({@code security.Html}).
 */
package dev.dualauth.pages;
