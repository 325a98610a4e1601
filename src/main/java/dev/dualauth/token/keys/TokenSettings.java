package dev.dualauth.token.keys;

import com.nimbusds.jose.JWSAlgorithm;
import dev.dualauth.security.ConfigDurations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The {@code dualauth.jwt.*} and {@code dualauth.refresh.*} settings (and the data dir), read in one place
 * so that issuing, the JWKS and the container's MP-JWT verification never disagree.
 */
public record TokenSettings(String issuer, String audience, JWSAlgorithm algorithm, Duration accessTokenTtl,
        Optional<Path> signingKey, List<Path> verificationKeys, Duration clockSkew,
        Duration refreshIdleTtl, Duration refreshAbsoluteTtl, Path dataDir) {

    public static final String ISSUER = "dualauth.jwt.issuer";
    public static final String AUDIENCE = "dualauth.jwt.audience";
    public static final String ALGORITHM = "dualauth.jwt.algorithm";
    public static final String ACCESS_TOKEN_TTL = "dualauth.jwt.access-token-ttl";
    public static final String SIGNING_KEY = "dualauth.jwt.signing-key";
    public static final String VERIFICATION_KEYS = "dualauth.jwt.verification-keys";
    public static final String CLOCK_SKEW = "dualauth.jwt.clock-skew";
    public static final String REFRESH_IDLE_TTL = "dualauth.refresh.idle-ttl";
    public static final String REFRESH_ABSOLUTE_TTL = "dualauth.refresh.absolute-ttl";
    public static final String DATA_DIR = "dualauth.data-dir";

    /** RFC 8725 and ASVS ask for a small skew; more than a minute would hide broken clocks. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

    /** The deployment's settings, from MicroProfile Config. */
    public static TokenSettings fromConfig() {
        return from(ConfigProvider.getConfig(TokenSettings.class.getClassLoader()));
    }

    public static TokenSettings from(Config config) {
        return new TokenSettings(
                string(config, ISSUER, "http://localhost:8080"),
                string(config, AUDIENCE, "dualauth-api"),
                algorithm(string(config, ALGORITHM, "ES256")),
                ttl(string(config, ACCESS_TOKEN_TTL, "PT5M")),
                config.getOptionalValue(SIGNING_KEY, String.class).filter(s -> !s.isBlank()).map(Path::of),
                paths(string(config, VERIFICATION_KEYS, "")),
                duration(CLOCK_SKEW, string(config, CLOCK_SKEW, "PT30S"), Duration.ZERO, MAX_CLOCK_SKEW),
                duration(REFRESH_IDLE_TTL, string(config, REFRESH_IDLE_TTL, "PT24H"), Duration.ofMinutes(1), Duration.ofDays(365)),
                duration(REFRESH_ABSOLUTE_TTL, string(config, REFRESH_ABSOLUTE_TTL, "P7D"), Duration.ofMinutes(1), Duration.ofDays(365)),
                Path.of(string(config, DATA_DIR, "./data")));
    }

    private static String string(Config config, String name, String fallback) {
        return config.getOptionalValue(name, String.class).orElse(fallback);
    }

    static JWSAlgorithm algorithm(String name) {
        return switch (name.strip().toUpperCase()) {
            case "ES256" -> JWSAlgorithm.ES256;
            case "RS256" -> JWSAlgorithm.RS256;
            default -> throw new IllegalArgumentException(ALGORITHM + " must be ES256 or RS256, not " + name);
        };
    }

    static Duration ttl(String iso) {
        return duration(ACCESS_TOKEN_TTL, iso, Duration.ofSeconds(1), Duration.ofDays(1));
    }

    private static Duration duration(String name, String iso, Duration min, Duration max) {
        return ConfigDurations.parse(name, iso, min, max);
    }

    static List<Path> paths(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }
}
