package dev.dualauth.security;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Response headers every answer carries (ASVS 5.0 V3.4), set before any mechanism or resource runs so
 * that redirects, 401s and error pages have them too.
 */
public final class SecurityHeaders {

    /** Nothing here loads scripts, styles or frames; forms post only to this origin. */
    static final String CSP = "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private SecurityHeaders() {
    }

    public static void apply(HttpServletResponse response, boolean secure, boolean authenticatedPath) {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (secure) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        if (authenticatedPath) {
            NoStore.on(response);
        }
    }
}
