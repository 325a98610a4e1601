package dev.dualauth.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;

/**
 * The rule for the bodies this application reads — forms ({@code application/x-www-form-urlencoded}: the
 * login, the token and revocation endpoints, the session path's forms) and JSON ({@code application/json}:
 * notes, password changes, accounts) — applied before anything reads them:
 * <ul>
 * <li>the body must say its length ({@code 411} for a chunked one: browsers and HTTP libraries always give
 * the length of these) and keep within {@value #MAX_BYTES} bytes ({@code 413}). Over the server's own limit (2 MB on
 * Payara) a form read threw, which came out as a {@code 500} with a stack trace in the log;
 * <li>its {@code charset}, if named, must be one its reader decodes reliably: for JSON UTF-8 (or its subset
 * US-ASCII), the only encoding RFC 8259 (8.1) allows between systems; for a form, whose bytes are ASCII
 * anyway, UTF-8, ISO-8859-1 (the default of some HTTP libraries) or US-ASCII. Anything else (UTF-16, an
 * unknown name) is {@code 415}, where the readers would have failed with a {@code 500}.
 * </ul>
 */
public final class RequestBodies {

    /** Far above any body here: a note is at most 2,000 characters, percent-encoded at most 18,000 bytes. */
    public static final long MAX_BYTES = 64 * 1024;

    private RequestBodies() {
    }

    /** The status to refuse the request with, or 0 when it carries no such body or keeps the rule. */
    public static int refusal(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return 0;
        }
        String lower = type.toLowerCase(Locale.ROOT).strip();
        boolean form = lower.startsWith("application/x-www-form-urlencoded");
        if (!form && !lower.startsWith("application/json")) {
            return 0;
        }
        if (!charsetAllowed(lower, form ? FORM_CHARSETS : JSON_CHARSETS)) {
            return HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE;
        }
        long length = request.getContentLengthLong();
        if (length < 0) {
            // a body of unknown length (chunked) is refused; no length and no Transfer-Encoding is no body
            // at all, as on a GET that names a Content-Type anyway
            return request.getHeader("Transfer-Encoding") != null ? HttpServletResponse.SC_LENGTH_REQUIRED : 0;
        }
        return length > MAX_BYTES ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : 0;
    }

    private static final java.util.Set<String> JSON_CHARSETS = java.util.Set.of("utf-8", "us-ascii");
    private static final java.util.Set<String> FORM_CHARSETS = java.util.Set.of("utf-8", "us-ascii", "iso-8859-1");

    /** True without a charset parameter or with one of {@code allowed} (quoted or not). */
    static boolean charsetAllowed(String lowerCaseType, java.util.Set<String> allowed) {
        String[] parts = lowerCaseType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("charset=")) {
                String charset = parameter.substring("charset=".length()).replace("\"", "").strip();
                if (!allowed.contains(charset)) {
                    return false;
                }
            }
        }
        return true;
    }
}
