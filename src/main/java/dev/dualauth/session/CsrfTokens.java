package dev.dualauth.session;

import dev.dualauth.security.RandomTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Synchronizer tokens against CSRF: one random token per session, required on every unsafe request under
 * {@code /web} in the {@code X-CSRF-Token} header or, for plain HTML forms, the {@code _csrf} field, and
 * compared in constant time. A new token is made at login.
 */
public final class CsrfTokens {

    public static final String HEADER = "X-CSRF-Token";
    public static final String FORM_FIELD = "_csrf";

    private static final Set<String> FORM_FIELDS = Set.of(FORM_FIELD);
    static final String ATTRIBUTE = CsrfTokens.class.getName();
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";

    private CsrfTokens() {
    }

    /** The session's token, made on first use. */
    public static String of(HttpSession session) {
        synchronized (session) {
            Object token = session.getAttribute(ATTRIBUTE);
            if (token instanceof String existing) {
                return existing;
            }
            String created = RandomTokens.next();
            session.setAttribute(ATTRIBUTE, created);
            return created;
        }
    }

    static void reset(HttpSession session) {
        session.removeAttribute(ATTRIBUTE);
    }

    static boolean isUnsafe(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod());
    }

    /** True when the request carries the session's token (header first, then the form field). */
    static boolean isPresentIn(HttpServletRequest request, HttpSession session) {
        Object expected = session.getAttribute(ATTRIBUTE);
        if (!(expected instanceof String token)) {
            return false;
        }
        String presented = request.getHeader(HEADER);
        if (presented == null && isForm(request) && !QueryParameters.containsAny(request, FORM_FIELDS)) {
            presented = request.getParameter(FORM_FIELD); // the body's, since the query string has none
        }
        return presented != null && MessageDigest.isEqual(
                token.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, FORM_TYPE, 0, FORM_TYPE.length());
    }
}
