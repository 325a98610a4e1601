package dev.dualauth.session;

import dev.dualauth.security.ConfigValues;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/** The {@code dualauth.session.*} settings. Defaults in {@code META-INF/microprofile-config.properties}. */
public record SessionSettings(Duration idleTimeout, Duration absoluteTimeout, boolean secureCookie,
        Set<String> allowedOrigins, int preLoginLimit) {

    public static final String IDLE_TIMEOUT = "dualauth.session.idle-timeout";
    public static final String ABSOLUTE_TIMEOUT = "dualauth.session.absolute-timeout";
    public static final String SECURE_COOKIE = "dualauth.session.secure-cookie";
    public static final String ALLOWED_ORIGINS = "dualauth.session.allowed-origins";
    public static final String PRE_LOGIN_LIMIT = "dualauth.session.pre-login-limit";

    public static SessionSettings from(Config config) {
        Duration idle = duration(IDLE_TIMEOUT, config.getValue(IDLE_TIMEOUT, String.class));
        Duration absolute = duration(ABSOLUTE_TIMEOUT, config.getValue(ABSOLUTE_TIMEOUT, String.class));
        if (absolute.compareTo(idle) < 0) {
            throw new IllegalArgumentException(ABSOLUTE_TIMEOUT + " must not be shorter than " + IDLE_TIMEOUT);
        }
        int preLoginLimit = config.getValue(PRE_LOGIN_LIMIT, Integer.class);
        if (preLoginLimit < 0 || preLoginLimit > 1_000_000) {
            throw new IllegalArgumentException(PRE_LOGIN_LIMIT + " must be between 0 and 1000000, not " + preLoginLimit);
        }
        return new SessionSettings(idle, absolute, config.getValue(SECURE_COOKIE, Boolean.class),
                Set.copyOf(ConfigValues.list(config.getOptionalValue(ALLOWED_ORIGINS, String.class).orElse(null))),
                preLoginLimit);
    }

    static Duration duration(String name, String iso) {
        return ConfigValues.duration(name, iso, Duration.ofSeconds(1), Duration.ofDays(30));
    }
}
