package dev.dualauth.session;

import dev.dualauth.security.RandomTokens;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A second secret beside the session id, so that a session is never authenticated by a value with fewer
 * than 128 random bits (ASVS 5.0 7.2.3). Payara's session ids carry about 56 random bits (the time, an
 * identity hash and two random ints); its one hook for another generator (the web container's
 * {@code session-id-generator-classname}) wants a class on the server's own class path and is ignored by
 * its replicated (data-grid) sessions. WildFly's ids carry 240 bits; both servers get the same check.
 *
 * <p>At login the gate draws 256 bits from the CSPRNG ({@link RandomTokens}), keeps them with the caller in
 * the session (so they travel with it to every node) and sends them in this cookie, with the session
 * cookie's attributes: HttpOnly, SameSite=Lax, no expiry, and with {@code dualauth.session.secure-cookie}
 * Secure under the {@code __Host-} prefix. A request whose session has a caller but whose cookie is
 * missing or different is not authenticated by that session.
 */
final class SessionBinding {

    static final String NAME = "DUALAUTH_SESSION_KEY";
    static final String SECURE_NAME = "__Host-" + NAME;

    private final boolean secure;

    SessionBinding(boolean secure) {
        this.secure = secure;
    }

    String cookieName() {
        return secure ? SECURE_NAME : NAME;
    }

    static String newValue() {
        return RandomTokens.next();
    }

    /** Sends the value to the browser; before the response is committed, so before the login's redirect. */
    void send(HttpServletRequest request, HttpServletResponse response, String value) {
        response.addCookie(cookie(request, value, -1));
    }

    /** Tells the browser to drop the cookie. */
    void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, "", 0));
    }

    /** True if the request carries {@code expected} in the cookie (compared in constant time). */
    boolean matches(HttpServletRequest request, String expected) {
        Cookie[] cookies = expected == null ? null : request.getCookies();
        if (cookies == null) {
            return false;
        }
        byte[] wanted = expected.getBytes(StandardCharsets.US_ASCII);
        boolean found = false;
        for (Cookie cookie : cookies) {
            if (cookieName().equals(cookie.getName()) && cookie.getValue() != null
                    && MessageDigest.isEqual(wanted, cookie.getValue().getBytes(StandardCharsets.US_ASCII))) {
                found = true;
            }
        }
        return found;
    }

    private Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(cookieName(), value);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setPath(secure || request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
