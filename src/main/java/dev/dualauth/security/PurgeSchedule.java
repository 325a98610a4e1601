package dev.dualauth.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When to purge expired rows from a table that is only written, never swept by a timer: at most once per
 * interval, by whichever caller asks first after it has passed (the others go on without purging).
 */
public final class PurgeSchedule {

    private final Duration interval;
    private final AtomicReference<Instant> last = new AtomicReference<>(Instant.EPOCH);

    public PurgeSchedule(Duration interval) {
        this.interval = interval;
    }

    /** True for exactly one caller per interval. */
    public boolean due(Instant now) {
        Instant previous = last.get();
        return Duration.between(previous, now).compareTo(interval) > 0 && last.compareAndSet(previous, now);
    }
}
