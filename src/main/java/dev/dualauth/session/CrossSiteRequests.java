package dev.dualauth.session;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises requests a browser sent on behalf of another site, from Fetch Metadata
 * ({@code Sec-Fetch-Site}) or, in browsers without it, the {@code Origin} header. Requests with neither
 * header do not come from a modern browser and are left to the CSRF token. An {@code Origin} configured as
 * allowed is looked at first: modern browsers send {@code Sec-Fetch-Site: cross-site} (or
 * {@code same-site}) for it too, so checking Fetch Metadata first would ignore the allow-list.
 */
final class CrossSiteRequests {

    static final String SEC_FETCH_SITE = "Sec-Fetch-Site";
    static final String ORIGIN = "Origin";
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    private CrossSiteRequests() {
    }

    /**
     * True when the request comes from another site: {@code Sec-Fetch-Site} other than {@code same-origin}
     * or {@code none} (a sibling subdomain counts as another site), or an {@code Origin} that is neither
     * this server's (its {@code Host}) nor one of {@code allowedOrigins}.
     */
    static boolean isCrossSite(HttpServletRequest request, Set<String> allowedOrigins) {
        String origin = request.getHeader(ORIGIN);
        if (origin != null && allowedOrigins.contains(origin)) {
            return false;
        }
        String site = request.getHeader(SEC_FETCH_SITE);
        if (site != null) {
            return !OWN_SITE.contains(site.toLowerCase(Locale.ROOT));
        }
        if (origin == null) {
            return false;
        }
        String host = request.getHeader("Host");
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null || host == null) {
                return true; // "null" and other opaque origins
            }
            String authority = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return !authority.equalsIgnoreCase(host) && !withDefaultPort(uri).equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static String withDefaultPort(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }
}
