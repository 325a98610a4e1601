package dev.dualauth.token.oauth;

import dev.dualauth.account.AccountSettings;
import dev.dualauth.security.ConfigValues;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/**
 * The {@code dualauth.oauth.*} settings: which grants the token endpoint accepts, the registered clients
 * and how long an authorization code lives. Defaults in {@code META-INF/microprofile-config.properties}.
 *
 * <p>Demo mode registers the browser application {@code dualauth-spa} (its {@code /app/} page under
 * {@code http://localhost:8080}, {@code http://127.0.0.1:8080} and the issuer) unless a client of that id is
 * configured, and turns the password grant on unless it is configured.
 */
public record OAuthSettings(boolean passwordGrant, Map<String, OAuthClient> clients, Duration codeTtl) {

    public static final String PASSWORD_GRANT = "dualauth.oauth.password-grant";
    public static final String CLIENTS = "dualauth.oauth.clients";
    /** {@code dualauth.oauth.client.<id>.redirect-uris}: comma-separated, each matched exactly. */
    public static final String CLIENT_PREFIX = "dualauth.oauth.client.";
    public static final String REDIRECT_URIS_SUFFIX = ".redirect-uris";
    public static final String CODE_TTL = "dualauth.oauth.code-ttl";

    public static final String DEMO_CLIENT = "dualauth-spa";
    static final String APP_PATH = "/app/";

    public OAuthSettings {
        clients = Map.copyOf(clients);
    }

    public static OAuthSettings from(Config config, String issuer) {
        boolean demo = config.getValue(AccountSettings.DEMO, Boolean.class);
        boolean passwordGrant = config.getOptionalValue(PASSWORD_GRANT, Boolean.class).orElse(demo);
        Map<String, OAuthClient> clients = new LinkedHashMap<>();
        for (String id : ConfigValues.list(config.getOptionalValue(CLIENTS, String.class).orElse(null))) {
            String key = CLIENT_PREFIX + id + REDIRECT_URIS_SUFFIX;
            List<String> uris = ConfigValues.list(config.getOptionalValue(key, String.class).orElse(null));
            clients.put(id, OAuthClient.checked(key, id, uris));
        }
        if (demo && !clients.containsKey(DEMO_CLIENT)) {
            List<String> uris = new ArrayList<>(List.of("http://localhost:8080" + APP_PATH, "http://127.0.0.1:8080" + APP_PATH));
            String fromIssuer = issuer.replaceAll("/+$", "") + APP_PATH;
            if (!uris.contains(fromIssuer) && OAuthClient.isAcceptableRedirectUri(fromIssuer)) {
                uris.add(fromIssuer); // an issuer on plain http beyond loopback is no redirect target
            }
            clients.put(DEMO_CLIENT, OAuthClient.checked(AccountSettings.DEMO, DEMO_CLIENT, uris));
        }
        Duration codeTtl = ConfigValues.duration(CODE_TTL, config.getValue(CODE_TTL, String.class),
                Duration.ofSeconds(1), Duration.ofSeconds(60));
        return new OAuthSettings(passwordGrant, clients, codeTtl);
    }

    public Optional<OAuthClient> client(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(clients.get(id));
    }

    /** The origins ({@code scheme://host[:port]}) of every registered redirect URI. */
    public Set<String> redirectOrigins() {
        Set<String> origins = new TreeSet<>();
        clients.values().forEach(client -> client.redirectUris().forEach(uri -> {
            URI parsed = URI.create(uri);
            origins.add(parsed.getScheme() + "://" + parsed.getRawAuthority());
        }));
        return origins;
    }

    /** The grant types the token endpoint accepts, in the order the metadata lists them. */
    List<String> grantTypes() {
        return passwordGrant
                ? List.of(TokenEndpoint.GRANT_CODE, TokenEndpoint.GRANT_REFRESH, TokenEndpoint.GRANT_PASSWORD)
                : List.of(TokenEndpoint.GRANT_CODE, TokenEndpoint.GRANT_REFRESH);
    }
}
