package dev.dualauth.security;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * {@code dualauth.cluster.*}: whether this node is one of several sharing one database, and how often it
 * reads what the others revoked. Off (the default), all state that is not in the database stays in node
 * memory; on, it is shared through the database (see the README's "Scale out"). Defaults in
 * {@code META-INF/microprofile-config.properties}.
 */
public record ClusterSettings(boolean enabled, Duration syncInterval) {

    public static final String ENABLED = "dualauth.cluster.enabled";
    public static final String SYNC_INTERVAL = "dualauth.cluster.sync-interval";

    public static ClusterSettings from(Config config) {
        return new ClusterSettings(config.getValue(ENABLED, Boolean.class), ConfigValues.duration(SYNC_INTERVAL,
                config.getValue(SYNC_INTERVAL, String.class), Duration.ofMillis(50), Duration.ofSeconds(1)));
    }
}
