package dev.dualauth.session;

import dev.dualauth.security.ConfigDurations;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The {@code dualauth.session.*} settings. */
public record SessionSettings(Duration idleTimeout, Duration absoluteTimeout, boolean secureCookie,
        Set<String> allowedOrigins) {

    public static final String IDLE_TIMEOUT = "dualauth.session.idle-timeout";
    public static final String ABSOLUTE_TIMEOUT = "dualauth.session.absolute-timeout";
    public static final String SECURE_COOKIE = "dualauth.session.secure-cookie";
    public static final String ALLOWED_ORIGINS = "dualauth.session.allowed-origins";

    /** The deployment's settings, from MicroProfile Config. */
    public static SessionSettings fromConfig() {
        return from(ConfigProvider.getConfig(SessionSettings.class.getClassLoader()));
    }

    public static SessionSettings from(Config config) {
        Duration idle = duration(IDLE_TIMEOUT, config.getOptionalValue(IDLE_TIMEOUT, String.class).orElse("PT15M"));
        Duration absolute = duration(ABSOLUTE_TIMEOUT, config.getOptionalValue(ABSOLUTE_TIMEOUT, String.class).orElse("PT8H"));
        if (absolute.compareTo(idle) < 0) {
            throw new IllegalArgumentException(ABSOLUTE_TIMEOUT + " must not be shorter than " + IDLE_TIMEOUT);
        }
        return new SessionSettings(idle, absolute,
                config.getOptionalValue(SECURE_COOKIE, Boolean.class).orElse(false),
                Arrays.stream(config.getOptionalValue(ALLOWED_ORIGINS, String.class).orElse("").split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet()));
    }

    static Duration duration(String name, String iso) {
        return ConfigDurations.parse(name, iso, Duration.ofSeconds(1), Duration.ofDays(30));
    }
}
