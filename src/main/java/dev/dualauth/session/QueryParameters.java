package dev.dualauth.session;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The servlet API merges the query string and a form body into one set of parameters, so a secret sent in
 * the URL (logged by proxies, kept in histories, leaked in {@code Referer}) would count as if posted. The
 * gate looks at the names in the query string first and refuses such requests.
 */
final class QueryParameters {

    static final Set<String> LOGIN_FIELDS = Set.of("j_username", "j_password");

    private QueryParameters() {
    }

    /** True if the query string names any of {@code names} (decoded, as the container would read it). */
    static boolean containsAny(HttpServletRequest request, Set<String> names) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return false;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            try {
                if (names.contains(URLDecoder.decode(name, StandardCharsets.UTF_8))) {
                    return true;
                }
            } catch (IllegalArgumentException malformed) {
                return true; // not decodable: nothing to trust in it
            }
        }
        return false;
    }

    /**
     * True if the container can read the request's parameters. It decodes them with the charset the
     * request names, and a query it cannot decode in that charset (say {@code %00} read as UTF-16) fails
     * with an exception: the gate answers {@code 400} before the FORM mechanism saves the request and
     * would meet it as a {@code 500}.
     */
    static boolean readable(HttpServletRequest request) {
        try {
            request.getParameterMap();
            return true;
        } catch (RuntimeException undecodable) {
            return false;
        }
    }
}
