package dev.dualauth.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The configured password hash, and a dummy hash that unknown user names are checked against so that
 * they take as long to reject as a wrong password.
 *
 * <p>Every hash — a login's check, the dummy check of an unknown name, a new or changed password — runs
 * inside one bulkhead: at most {@link AccountSettings#hashPermits()} at once, each waiting at most
 * {@code dualauth.password.hash-wait} for its turn, else {@link HashingBusy}. PBKDF2 is meant to be
 * expensive; unbounded, a flood of logins for random names takes every core and starves the requests of
 * users who are already logged in. Bounded, the flood gets quick refusals and the rest keeps its CPU.
 */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    AccountSettings settings;

    private PasswordHash hash;
    private String dummy;
    Semaphore permits;
    private long waitNanos;

    @PostConstruct
    void init() {
        hash = new PasswordHash(settings.pbkdf2Iterations());
        dummy = hash.hash("dummy password for unknown users".toCharArray());
        permits = new Semaphore(settings.hashPermits(), true);
        waitNanos = settings.hashWait().toNanos();
    }

    public String hash(char[] password) {
        return bounded(() -> hash.hash(password));
    }

    public boolean verify(char[] password, String stored) {
        return bounded(() -> hash.verify(password, stored));
    }

    /** Spends the same time as {@link #verify} and always fails. */
    public boolean verifyAgainstDummy(char[] password) {
        bounded(() -> hash.verify(password, dummy));
        return false;
    }

    private <T> T bounded(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HashingBusy();
        }
        if (!acquired) {
            throw new HashingBusy();
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    public boolean needsRehash(String stored) {
        return hash.needsRehash(stored);
    }
}
