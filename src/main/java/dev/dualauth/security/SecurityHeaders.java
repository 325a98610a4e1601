package dev.dualauth.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Response headers every answer carries (ASVS 5.0 V3.4), set before any mechanism or resource runs so
 * that redirects, 401s and error pages have them too. The Content Security Policy depends on the path:
 * the JSON endpoints load nothing at all; the HTML pages and their static files may load scripts,
 * styles and images from this origin only (never inline ones) and connect only to it.
 */
public final class SecurityHeaders {

    /** The JSON endpoints: nothing here loads scripts, styles or frames; forms post only to this origin. */
    static final String CSP = "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** HTML pages and their files: scripts and styles from files of this origin, no inline ones. */
    static final String PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /**
     * The login pages: the page policy, whose {@code form-action} also names the origins of the registered
     * OAuth redirect URIs. Chrome and Safari apply {@code form-action} to every redirect that follows the
     * form's POST, and after a login that {@code /auth/authorize} asked for, the chain ends at the client's
     * redirect URI, which may be on another origin ({@code /j_security_check} → {@code /auth/authorize} →
     * {@code redirect_uri}); no other origin is allowed.
     */
    static String loginPagePolicy(Collection<String> redirectOrigins) {
        StringBuilder targets = new StringBuilder("'self'");
        new TreeSet<>(redirectOrigins).forEach(origin -> targets.append(' ').append(origin));
        return PAGE_CSP.replace("form-action 'self'", "form-action " + targets);
    }

    static final String HSTS = "max-age=31536000; includeSubDomains";

    /** Paths (and what is below them) of the browser pages and their static files. */
    static final List<String> PAGE_TREES = List.of("/app", "/assets");
    /**
     * Single paths that answer HTML: the start page (the context root, which WildFly reports as the empty
     * path), the session path's page, the page of a refused authorization request.
     */
    static final List<String> PAGES = List.of("", "/", "/web", "/web/", "/auth/authorize");
    static final List<String> LOGIN_PAGES = List.of("/login", "/login-error");

    private final String loginPageCsp;

    /** {@code redirectOrigins}: the origins of the registered OAuth redirect URIs (for the login pages). */
    public SecurityHeaders(Collection<String> redirectOrigins) {
        this.loginPageCsp = loginPagePolicy(redirectOrigins);
    }

    /** The headers for an answer to {@code path} ({@link RequestPaths#path}). */
    public void apply(HttpServletResponse response, boolean secure, boolean authenticatedPath, String path) {
        response.setHeader("Content-Security-Policy", csp(path));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (secure) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        if (authenticatedPath) {
            NoStore.on(response);
        }
    }

    String csp(String path) {
        if (LOGIN_PAGES.contains(path)) {
            return loginPageCsp;
        }
        if (PAGES.contains(path)) {
            return PAGE_CSP;
        }
        for (String tree : PAGE_TREES) {
            if (RequestPaths.isUnder(path, tree)) {
                return PAGE_CSP;
            }
        }
        return CSP;
    }
}
