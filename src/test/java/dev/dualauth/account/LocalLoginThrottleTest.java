package dev.dualauth.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalLoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    final ManualClock clock = new ManualClock();
    final LocalLoginThrottle throttle = new LocalLoginThrottle(clock, LocalLoginThrottle.MAX_TRACKED);

    @Test
    void theFirstFailuresAreFreeThenEachLocksTwiceAsLong() {
        for (int i = 1; i < LocalLoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("alice");
            assertEquals(Optional.empty(), throttle.retryAfter("alice"), "after failure " + i);
        }
        throttle.failed("alice");
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.retryAfter("alice"));
        clock.now = clock.now.plusSeconds(1);
        assertEquals(Optional.empty(), throttle.retryAfter("alice"));
        throttle.failed("alice");
        assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.retryAfter("alice"));
        assertEquals(Optional.empty(), throttle.retryAfter("bob"), "other names are not affected");
    }

    @Test
    void theLockIsCappedAndAtMostAboutTwentyGuessesAnHourGetThrough() {
        assertEquals(LocalLoginThrottle.MAX_LOCK, LocalLoginThrottle.lockFor(40));
        int guesses = 0;
        Instant end = clock.now.plus(Duration.ofHours(1));
        while (clock.now.isBefore(end)) {
            Optional<Duration> wait = throttle.retryAfter("alice");
            if (wait.isPresent()) {
                clock.now = clock.now.plus(wait.get());
                continue;
            }
            throttle.failed("alice");
            guesses++;
        }
        assertTrue(guesses <= 25, guesses + " guesses in an hour");
    }

    @Test
    void successAndAQuietHourForgetTheFailures() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("alice");
        }
        throttle.succeeded("alice");
        assertEquals(Optional.empty(), throttle.retryAfter("alice"));
        for (int i = 0; i < 4; i++) {
            throttle.failed("bob");
        }
        clock.now = clock.now.plus(LocalLoginThrottle.FORGET_AFTER).plusSeconds(1);
        throttle.failed("bob");
        assertEquals(Optional.empty(), throttle.retryAfter("bob"), "the count started again");
    }

    @Test
    void aSprayOfNamesNeverTracksMoreThanTheBoundAndForgetsTheOldestFirst() {
        LocalLoginThrottle small = new LocalLoginThrottle(clock, 100);
        for (int i = 0; i < 5; i++) {
            small.failed("victim");
        }
        for (int i = 0; i < 10_000; i++) {
            clock.now = clock.now.plusMillis(1);
            small.failed("sprayed-" + i);
            assertTrue(small.tracked() <= 100, small.tracked() + " names tracked");
        }
        assertEquals(100, small.tracked());
        assertEquals(Optional.empty(), small.retryAfter("sprayed-0"), "the oldest name was forgotten");
        clock.now = clock.now.plusMillis(1);
        small.failed("sprayed-9999");
        assertEquals(100, small.tracked(), "a name failing again is updated in place");
    }
}
