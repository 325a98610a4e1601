package dev.dualauth.account;

import dev.dualauth.security.ConfigValues;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * {@code dualauth.demo} (create the demo accounts) and the {@code dualauth.password.*} settings: the
 * PBKDF2 cost and the bound on concurrent hashing. Defaults in {@code META-INF/microprofile-config.properties}.
 */
public record AccountSettings(boolean demo, int pbkdf2Iterations, int maxConcurrentHashes, Duration hashWait) {

    public static final String DEMO = "dualauth.demo";
    public static final String PBKDF2_ITERATIONS = "dualauth.password.pbkdf2-iterations";
    public static final String MAX_CONCURRENT_HASHES = "dualauth.password.max-concurrent-hashes";
    public static final String HASH_WAIT = "dualauth.password.hash-wait";

    public static AccountSettings from(Config config) {
        int max = config.getValue(MAX_CONCURRENT_HASHES, Integer.class);
        if (max < 0 || max > 1024) {
            throw new IllegalArgumentException(MAX_CONCURRENT_HASHES + " must be between 0 and 1024, not " + max);
        }
        return new AccountSettings(config.getValue(DEMO, Boolean.class), config.getValue(PBKDF2_ITERATIONS, Integer.class),
                max, ConfigValues.duration(HASH_WAIT, config.getValue(HASH_WAIT, String.class), Duration.ZERO,
                        Duration.ofSeconds(5)));
    }

    /** The configured bound, or half the processors (at least one) for 0. */
    public int hashPermits() {
        return maxConcurrentHashes > 0 ? maxConcurrentHashes
                : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }
}
