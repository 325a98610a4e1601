package dev.dualauth.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
        small.failed("victim");
        assertEquals(Optional.of(Duration.ofSeconds(2)), small.retryAfter("victim"),
                "the victim's count outlived the spray: a sixth failure locks for 2 s");
    }

    @Test
    void spellingsOfOneNameCountTogether() {
        for (String spelling : new String[] {"Alice", "ALICE", "alice", "aLiCe", "ａｌｉｃｅ"}) {
            throttle.failed(spelling);
        }
        assertTrue(throttle.retryAfter("alice").isPresent());
        assertTrue(throttle.retryAfter("ALICE").isPresent());
        assertEquals(1, throttle.tracked());
    }

    @Test
    void overLongNamesAreNeitherCountedNorKept() {
        List<WeakReference<String>> names = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String name = (char) ('a' + i % 26) + "x".repeat(1_500_000) + i; // 1.5 MB each, 150 MB in all
            names.add(new WeakReference<>(name));
            throttle.failed(name);
            assertEquals(Optional.empty(), throttle.retryAfter(name));
        }
        assertEquals(0, throttle.tracked());
        assertEquals(0, throttle.retainedBytesEstimate());
        assertCollected(names);
    }

    @Test
    void namesOfTheLongestAllowedLengthAreKeptAsFixedSizeDigestsOnly() {
        LocalLoginThrottle small = new LocalLoginThrottle(clock, 100);
        List<WeakReference<String>> names = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String name = String.format("%064d", i);
            names.add(new WeakReference<>(name));
            small.failed(name);
        }
        assertEquals(100, small.tracked());
        assertEquals(100L * LocalLoginThrottle.Key.BYTES, small.keyBytes(), "16 bytes of key per name");
        assertTrue(small.retainedBytesEstimate() <= 100L * LocalLoginThrottle.BYTES_PER_ENTRY);
        assertCollected(names); // no name is retained, only its digest
        assertTrue((long) LocalLoginThrottle.MAX_TRACKED * LocalLoginThrottle.BYTES_PER_ENTRY <= 16_000_000L,
                "the whole throttle stays within about 16 MB");
    }

    @Test
    void aSprayOfNamesCannotEvictALockedVictim() {
        LocalLoginThrottle small = new LocalLoginThrottle(clock, 100);
        for (int i = 0; i < LocalLoginThrottle.FREE_FAILURES + 6; i++) {
            small.failed("victim"); // locked for 64 s
        }
        Duration lock = small.retryAfter("victim").orElseThrow();
        for (int round = 0; round < 2 * LocalLoginThrottle.FREE_FAILURES; round++) {
            for (int i = 0; i < 1_000; i++) {
                String name = (i < 99 ? "kept-" : "sprayed-") + i; // ten times the table; 99 names failing again and again
                if (small.retryAfter(name).isEmpty()) { // as the identity store does: a locked name is not counted
                    small.failed(name);
                }
            }
            clock.now = clock.now.plusMillis(10);
        }
        assertEquals(Optional.of(lock.minusMillis(100)), small.retryAfter("victim"), "the victim's lock is untouched");
    }

    @Test
    void aVictimBelowTheLockOutlivesNamesWithFewerFailures() {
        LocalLoginThrottle small = new LocalLoginThrottle(clock, 100);
        for (int i = 0; i < LocalLoginThrottle.FREE_FAILURES - 1; i++) {
            small.failed("victim");
        }
        for (int i = 0; i < 10_000; i++) {
            clock.now = clock.now.plusMillis(1);
            small.failed("sprayed-" + i);
        }
        small.failed("victim");
        assertTrue(small.retryAfter("victim").isPresent(), "the victim's earlier failures were still counted");
    }

    @Test
    void anActiveLockIsEvictedOnlyWhenNoUnlockedNameIsLeft() {
        LocalLoginThrottle small = new LocalLoginThrottle(clock, 3);
        for (String name : new String[] {"expired-1", "expired-2"}) {
            for (int i = 0; i < LocalLoginThrottle.FREE_FAILURES; i++) {
                small.failed(name); // locked 1 s
            }
        }
        clock.now = clock.now.plusSeconds(2); // their locks are over, their counts are not
        for (int i = 0; i < LocalLoginThrottle.FREE_FAILURES + 9; i++) {
            small.failed("victim"); // locked 512 s
        }
        small.failed("newcomer-1");
        small.failed("newcomer-2");
        assertTrue(small.retryAfter("victim").isPresent(), "the expired locks went first");
        assertEquals(3, small.tracked());
    }

    @Test
    void anHourWithoutFailuresMakesRoomFirst() {
        LocalLoginThrottle small = new LocalLoginThrottle(clock, 2);
        for (int i = 0; i < 3; i++) {
            small.failed("old"); // more failures than "recent": kept before it, were it not forgotten
        }
        clock.now = clock.now.plusSeconds(60);
        small.failed("recent");
        small.failed("recent");
        clock.now = clock.now.plus(LocalLoginThrottle.FORGET_AFTER).minusSeconds(30);
        small.failed("new"); // "old" is forgotten already; "recent" (2 failures, 59.5 min ago) stays
        for (int i = 0; i < 3; i++) {
            small.failed("recent");
        }
        assertTrue(small.retryAfter("recent").isPresent());
    }

    /** The names were dropped by the throttle: nothing but the test's weak references pointed at them. */
    static void assertCollected(List<WeakReference<String>> names) {
        for (int i = 0; i < 20 && names.stream().anyMatch(n -> n.get() != null); i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (WeakReference<String> name : names) {
            assertNull(name.get(), "a name is still held");
        }
    }
}
