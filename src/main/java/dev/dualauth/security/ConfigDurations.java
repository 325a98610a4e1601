package dev.dualauth.security;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** ISO-8601 durations from configuration, with bounds and an error message that names the setting. */
public final class ConfigDurations {

    private ConfigDurations() {
    }

    public static Duration parse(String name, String iso, Duration min, Duration max) {
        Duration value;
        try {
            value = Duration.parse(iso.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 duration, not " + iso, e);
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + iso);
        }
        return value;
    }
}
