package dev.dualauth.account;

import org.eclipse.microprofile.config.Config;

/**
 * {@code dualauth.demo} (create the demo accounts) and {@code dualauth.password.pbkdf2-iterations}.
 * Defaults in {@code META-INF/microprofile-config.properties}.
 */
public record AccountSettings(boolean demo, int pbkdf2Iterations) {

    public static final String DEMO = "dualauth.demo";
    public static final String PBKDF2_ITERATIONS = "dualauth.password.pbkdf2-iterations";

    public static AccountSettings from(Config config) {
        return new AccountSettings(config.getValue(DEMO, Boolean.class), config.getValue(PBKDF2_ITERATIONS, Integer.class));
    }
}
