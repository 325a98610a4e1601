package dev.dualauth.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * Cross-origin resource sharing for the token path, for the origins configured in {@link CorsSettings}
 * only. Never with credentials: on the token path a cookie authenticates nothing, so browsers are told not
 * to send one ({@code Access-Control-Allow-Credentials} is never set). The session path ({@code /web}) is
 * never shared: the caller does not even ask for those paths.
 */
public final class Cors {

    static final String ORIGIN = "Origin";
    static final String REQUEST_METHOD = "Access-Control-Request-Method";
    static final String MAX_AGE_SECONDS = "600";

    /** What one kind of path allows other origins to do. */
    public enum Kind {
        /** {@code /api/**}: bearer (and DPoP) calls; the challenge header is readable by scripts. */
        API("GET, POST, DELETE", "Authorization, Content-Type, DPoP", "WWW-Authenticate, DPoP-Nonce"),
        /** {@code /auth/token}, {@code /auth/revoke}: form posts. */
        OAUTH("POST", "Content-Type, DPoP", "Retry-After, DPoP-Nonce"),
        /** {@code /.well-known/*}: metadata and keys. */
        METADATA("GET", "", "");

        final String methods;
        final Set<String> methodSet;
        final String headers;
        final String exposed;

        Kind(String methods, String headers, String exposed) {
            this.methods = methods;
            this.methodSet = Set.of(methods.split(", "));
            this.headers = headers;
            this.exposed = exposed;
        }
    }

    private Cors() {
    }

    /**
     * Adds the CORS answer to a request on a shared path. Returns true when the request was a preflight,
     * which is then answered completely ({@code 204} for an allowed origin, {@code 403} otherwise) and must
     * go no further.
     */
    public static boolean apply(HttpServletRequest request, HttpServletResponse response, Kind kind,
            CorsSettings settings) {
        if (settings.allowedOrigins().isEmpty()) {
            return false;
        }
        String origin = request.getHeader(ORIGIN);
        boolean allowed = origin != null && settings.allowedOrigins().contains(origin);
        boolean preflight = "OPTIONS".equals(request.getMethod()) && origin != null
                && request.getHeader(REQUEST_METHOD) != null;
        response.addHeader("Vary", preflight ? ORIGIN + ", " + REQUEST_METHOD + ", Access-Control-Request-Headers" : ORIGIN);
        if (preflight) {
            boolean methodAllowed = kind.methodSet.contains(request.getHeader(REQUEST_METHOD));
            if (!allowed || !methodAllowed) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                return true;
            }
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Methods", kind.methods);
            if (!kind.headers.isEmpty()) {
                response.setHeader("Access-Control-Allow-Headers", kind.headers);
            }
            response.setHeader("Access-Control-Max-Age", MAX_AGE_SECONDS);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return true;
        }
        if (allowed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            if (!kind.exposed.isEmpty()) {
                response.setHeader("Access-Control-Expose-Headers", kind.exposed);
            }
        }
        return false;
    }
}
