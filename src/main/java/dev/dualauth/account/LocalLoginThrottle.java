package dev.dualauth.account;

import dev.dualauth.security.BoundedMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Exponential back-off per user name: the first {@value #FREE_FAILURES} failures cost nothing, then each
 * failure locks the name for twice as long as the one before (1 s, 2 s, 4 s, … at most 15 minutes).
 * That allows at most about 20 guesses an hour, far inside ASVS's 100. A success, or an hour without
 * failures, forgets the name. A lock never tells whether the name exists: unknown names are locked alike.
 */
@ApplicationScoped
@Typed(LocalLoginThrottle.class)
public class LocalLoginThrottle implements LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    /**
     * Bounds memory under a spray of made-up names: beyond it the name whose last failure is oldest is
     * forgotten, without a scan.
     */
    static final int MAX_TRACKED = 100_000;

    private record State(int failures, Instant lockedUntil, Instant lastFailure) {
    }

    private final BoundedMap<String, State> states;
    private final Clock clock;

    public LocalLoginThrottle() {
        this(Clock.systemUTC(), MAX_TRACKED);
    }

    LocalLoginThrottle(Clock clock, int maxTracked) {
        this.clock = clock;
        this.states = new BoundedMap<>(maxTracked);
    }

    @Override
    public Optional<Duration> retryAfter(String username) {
        State state = states.get(key(username));
        Instant now = clock.instant();
        if (state == null || !state.lockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, state.lockedUntil()));
    }

    @Override
    public void failed(String username) {
        Instant now = clock.instant();
        states.compute(key(username), (name, old) -> {
            int failures = old == null || old.lastFailure().plus(FORGET_AFTER).isBefore(now) ? 1 : old.failures() + 1;
            return new State(failures, now.plus(lockFor(failures)), now);
        });
    }

    @Override
    public void succeeded(String username) {
        states.remove(key(username));
    }

    static Duration lockFor(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int exponent = Math.min(failures - FREE_FAILURES, 20);
        Duration lock = Duration.ofSeconds(1L << exponent);
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }

    private static String key(String username) {
        return username == null ? "" : username;
    }

    int tracked() {
        return states.size();
    }
}
