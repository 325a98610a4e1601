package dev.dualauth.account;

import dev.dualauth.security.Digests;
import dev.dualauth.security.PurgeSchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The cluster's {@link LoginThrottle}: the same policy as {@link LocalLoginThrottle}, with the counts in
 * the shared database, so failures on every node add up, each one counted exactly once (a row lock orders
 * concurrent updates). One indexed read per login attempt and one write per failure, next to a password
 * hash of about 160 ms. Names are keyed as the SHA-256 of their {@link AccountNames#canonical canonical
 * form}, so {@code Alice} and {@code alice} count together; names that no account can have
 * ({@link AccountNames#mayLogIn}) are neither looked up nor counted.
 */
@ApplicationScoped
@Typed(DatabaseLoginThrottle.class)
public class DatabaseLoginThrottle implements LoginThrottle {

    @Inject
    LoginFailureTable table;

    private final PurgeSchedule purges = new PurgeSchedule(Duration.ofHours(1));

    @Override
    public Optional<Duration> retryAfter(String username) {
        if (!AccountNames.mayLogIn(username)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return table.lockedUntil(hash(username)).filter(now::isBefore).map(until -> Duration.between(now, until));
    }

    @Override
    public void failed(String username) {
        if (!AccountNames.mayLogIn(username)) {
            return;
        }
        Instant now = Instant.now();
        String key = hash(username);
        try {
            count(key, now);
        } catch (RuntimeException insertedMeanwhile) {
            count(key, now); // the row exists now: this update takes its lock like any other
        }
        if (purges.due(now)) {
            table.purge(now.minus(LocalLoginThrottle.FORGET_AFTER));
        }
    }

    private void count(String key, Instant now) {
        table.update(key, row -> {
            int failures = row.lastFailure().plus(LocalLoginThrottle.FORGET_AFTER).isBefore(now) ? 1 : row.failures() + 1;
            row.failedAt(now, failures, now.plus(LocalLoginThrottle.lockFor(failures)));
            return row;
        });
    }

    @Override
    public void succeeded(String username) {
        if (!AccountNames.mayLogIn(username)) {
            return;
        }
        table.forget(hash(username));
    }

    /** Only for names that {@link AccountNames#mayLogIn}. */
    static String hash(String username) {
        return Digests.sha256Hex(AccountNames.canonical(username));
    }
}
