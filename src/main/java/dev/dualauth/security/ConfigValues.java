package dev.dualauth.security;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * Parsing of configuration values that MicroProfile Config leaves as strings: bounded ISO-8601 durations
 * and comma-separated lists, with errors that name the setting.
 */
public final class ConfigValues {

    private ConfigValues() {
    }

    public static Duration duration(String name, String iso, Duration min, Duration max) {
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

    /** The non-blank items of a comma-separated value, stripped; empty for null. */
    public static List<String> list(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
