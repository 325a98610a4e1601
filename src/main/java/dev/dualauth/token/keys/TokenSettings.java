package dev.dualauth.token.keys;

import com.nimbusds.jose.JWSAlgorithm;
import dev.dualauth.security.ConfigValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The {@code dualauth.jwt.*} settings and the data dir, read once per deployment so that issuing, the
 * JWKS, the gate and the container's MP-JWT verification never disagree. Defaults live in
 * {@code META-INF/microprofile-config.properties}, nowhere else.
 */
public record TokenSettings(String issuer, String audience, JWSAlgorithm algorithm, Duration accessTokenTtl,
        Optional<Path> signingKey, List<Path> verificationKeys, Duration clockSkew, int verifiedCacheSize,
        Path dataDir) {

    public static final String ISSUER = "dualauth.jwt.issuer";
    public static final String AUDIENCE = "dualauth.jwt.audience";
    public static final String ALGORITHM = "dualauth.jwt.algorithm";
    public static final String ACCESS_TOKEN_TTL = "dualauth.jwt.access-token-ttl";
    public static final String SIGNING_KEY = "dualauth.jwt.signing-key";
    public static final String VERIFICATION_KEYS = "dualauth.jwt.verification-keys";
    public static final String CLOCK_SKEW = "dualauth.jwt.clock-skew";
    public static final String VERIFIED_CACHE_SIZE = "dualauth.jwt.verified-cache-size";
    public static final String DATA_DIR = "dualauth.data-dir";

    /** RFC 8725 and ASVS ask for a small skew; more than a minute would hide broken clocks. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

    private static volatile TokenSettings current;

    /**
     * The deployment's settings, read on first use. The static path exists for the two readers that run
     * before CDI does ({@link KeyRing#current()} and {@link JwtConfigSource}, which the container asks while
     * it deploys); beans get the same instance injected (see {@code app.SettingsProducer}).
     */
    public static TokenSettings current() {
        TokenSettings settings = current;
        if (settings == null) {
            synchronized (TokenSettings.class) {
                settings = current;
                if (settings == null) {
                    settings = from(ConfigProvider.getConfig(TokenSettings.class.getClassLoader()));
                    current = settings;
                }
            }
        }
        return settings;
    }

    public static TokenSettings from(Config config) {
        int cacheSize = config.getValue(VERIFIED_CACHE_SIZE, Integer.class);
        if (cacheSize < 0) {
            throw new IllegalArgumentException(VERIFIED_CACHE_SIZE + " must be 0 (off) or more, not " + cacheSize);
        }
        return new TokenSettings(
                config.getValue(ISSUER, String.class),
                config.getValue(AUDIENCE, String.class),
                algorithm(config.getValue(ALGORITHM, String.class)),
                ttl(config.getValue(ACCESS_TOKEN_TTL, String.class)),
                config.getOptionalValue(SIGNING_KEY, String.class).filter(s -> !s.isBlank()).map(Path::of),
                ConfigValues.list(config.getOptionalValue(VERIFICATION_KEYS, String.class).orElse(null)).stream()
                        .map(Path::of).toList(),
                ConfigValues.duration(CLOCK_SKEW, config.getValue(CLOCK_SKEW, String.class), Duration.ZERO, MAX_CLOCK_SKEW),
                cacheSize,
                Path.of(config.getValue(DATA_DIR, String.class)));
    }

    static JWSAlgorithm algorithm(String name) {
        return switch (name.strip().toUpperCase(Locale.ROOT)) {
            case "ES256" -> JWSAlgorithm.ES256;
            case "RS256" -> JWSAlgorithm.RS256;
            default -> throw new IllegalArgumentException(ALGORITHM + " must be ES256 or RS256, not " + name);
        };
    }

    static Duration ttl(String iso) {
        return ConfigValues.duration(ACCESS_TOKEN_TTL, iso, Duration.ofSeconds(1), Duration.ofDays(1));
    }
}
