package dev.dualauth.token.refresh;

import dev.dualauth.security.ConfigValues;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * The {@code dualauth.refresh.*} settings: how long a refresh family may stay unused, and how long it may
 * live at most however often it is used. Defaults in {@code META-INF/microprofile-config.properties}.
 */
public record RefreshSettings(Duration idleTtl, Duration absoluteTtl) {

    public static final String IDLE_TTL = "dualauth.refresh.idle-ttl";
    public static final String ABSOLUTE_TTL = "dualauth.refresh.absolute-ttl";

    public static RefreshSettings from(Config config) {
        return new RefreshSettings(duration(IDLE_TTL, config.getValue(IDLE_TTL, String.class)),
                duration(ABSOLUTE_TTL, config.getValue(ABSOLUTE_TTL, String.class)));
    }

    private static Duration duration(String name, String iso) {
        return ConfigValues.duration(name, iso, Duration.ofMinutes(1), Duration.ofDays(365));
    }
}
