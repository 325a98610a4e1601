package dev.dualauth.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * {@code dualauth.cors.allowed-origins}: the origins of browser applications on other sites that may call
 * the token path ({@code /auth/token}, {@code /auth/revoke}, {@code /.well-known/*}, {@code /api/**}) from
 * their scripts. Absent (the default): none, and no CORS header is ever sent. Each entry is an exact
 * origin, {@code scheme://host[:port]}; there is no wildcard.
 */
public record CorsSettings(Set<String> allowedOrigins) {

    public static final String ALLOWED_ORIGINS = "dualauth.cors.allowed-origins";

    public CorsSettings {
        allowedOrigins = Set.copyOf(allowedOrigins);
    }

    public static CorsSettings from(Config config) {
        var origins = ConfigValues.list(config.getOptionalValue(ALLOWED_ORIGINS, String.class).orElse(null));
        origins.forEach(origin -> checkOrigin(ALLOWED_ORIGINS, origin));
        return new CorsSettings(Set.copyOf(origins));
    }

    /** An origin as browsers send it: scheme and host, the port only when not the scheme's default. */
    public static void checkOrigin(String key, String origin) {
        try {
            URI uri = new URI(origin);
            boolean ok = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawPath().isEmpty() && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null && origin.equals(uri.getScheme() + "://" + uri.getRawAuthority());
            if (ok) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + ": an origin is scheme://host[:port] in lower case, without a path "
                + "or a trailing slash, not " + origin);
    }
}
