package dev.dualauth.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The hashing bulkhead: at most the configured number of hashes at once, each waiting a bounded time. */
class PasswordHasherTest {

    static PasswordHasher hasher(int permits, Duration wait) {
        PasswordHasher hasher = new PasswordHasher();
        // Five times the minimum cost, so that one hash holds the permit long enough to be seen.
        hasher.settings = new AccountSettings(false, 5 * PasswordHash.MIN_ITERATIONS, permits, wait);
        hasher.init();
        return hasher;
    }

    @Test
    void aHashBeyondTheBoundIsRefusedAfterTheWaitInsteadOfQueueing() throws Exception {
        PasswordHasher hasher = hasher(1, Duration.ofMillis(50));
        String stored = hasher.hash("a long enough password".toCharArray());
        CountDownLatch running = new CountDownLatch(1);
        // Holds the only permit while it hashes.
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> {
            running.countDown();
            return hasher.verify("a long enough password".toCharArray(), stored);
        });
        running.await(5, TimeUnit.SECONDS);
        // Poll until the other thread is inside the bulkhead (holds the only permit); a second hash is refused.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (hasher.permits.availablePermits() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        boolean refused = false;
        try {
            hasher.verifyAgainstDummy("x".toCharArray());
        } catch (HashingBusy busy) {
            refused = true;
        }
        assertTrue(refused, "a second hash while the only permit is taken is refused");
        assertTrue(first.get(30, TimeUnit.SECONDS), "the running hash is not disturbed");
        // Once free, hashing works again.
        assertFalse(hasher.verify("wrong password here".toCharArray(), stored));
    }

    @Test
    void theBoundDefaultsToHalfTheProcessors() {
        assertTrue(new AccountSettings(false, 600_000, 0, Duration.ZERO).hashPermits()
                == Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        assertTrue(new AccountSettings(false, 600_000, 3, Duration.ZERO).hashPermits() == 3);
    }
}
