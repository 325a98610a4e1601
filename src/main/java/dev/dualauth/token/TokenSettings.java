package dev.dualauth.token;

import com.nimbusds.jose.JWSAlgorithm;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The {@code dualauth.jwt.*} settings (and the data dir), read in one place so that issuing, the JWKS and
 * the container's MP-JWT verification never disagree.
 */
public record TokenSettings(String issuer, String audience, JWSAlgorithm algorithm, Duration accessTokenTtl,
        Optional<Path> signingKey, Path dataDir) {

    public static final String ISSUER = "dualauth.jwt.issuer";
    public static final String AUDIENCE = "dualauth.jwt.audience";
    public static final String ALGORITHM = "dualauth.jwt.algorithm";
    public static final String ACCESS_TOKEN_TTL = "dualauth.jwt.access-token-ttl";
    public static final String SIGNING_KEY = "dualauth.jwt.signing-key";
    public static final String DATA_DIR = "dualauth.data-dir";

    public static TokenSettings from(Config config) {
        return new TokenSettings(
                config.getOptionalValue(ISSUER, String.class).orElse("http://localhost:8080"),
                config.getOptionalValue(AUDIENCE, String.class).orElse("dualauth-api"),
                algorithm(config.getOptionalValue(ALGORITHM, String.class).orElse("ES256")),
                ttl(config.getOptionalValue(ACCESS_TOKEN_TTL, String.class).orElse("PT5M")),
                config.getOptionalValue(SIGNING_KEY, String.class).filter(s -> !s.isBlank()).map(Path::of),
                Path.of(config.getOptionalValue(DATA_DIR, String.class).orElse("./data")));
    }

    static JWSAlgorithm algorithm(String name) {
        return switch (name.strip().toUpperCase()) {
            case "ES256" -> JWSAlgorithm.ES256;
            case "RS256" -> JWSAlgorithm.RS256;
            default -> throw new IllegalArgumentException(ALGORITHM + " must be ES256 or RS256, not " + name);
        };
    }

    static Duration ttl(String iso) {
        try {
            Duration ttl = Duration.parse(iso.strip());
            if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException(ACCESS_TOKEN_TTL + " must be between PT1S and P1D, not " + iso);
            }
            return ttl;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(ACCESS_TOKEN_TTL + " must be an ISO-8601 duration, not " + iso, e);
        }
    }
}
