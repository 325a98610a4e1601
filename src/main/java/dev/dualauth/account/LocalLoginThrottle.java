package dev.dualauth.account;

import dev.dualauth.security.Digests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Exponential back-off per user name: the first {@value #FREE_FAILURES} failures cost nothing, then each
 * failure locks the name for twice as long as the one before (1 s, 2 s, 4 s, … at most 15 minutes).
 * That allows at most about 20 guesses an hour, far inside ASVS's 100. A success, or an hour without
 * failures, forgets the name. A lock never tells whether the name exists: unknown names are locked alike.
 *
 * <p>Memory is bounded in count and bytes, whatever the names: a name is kept only as the first 128 bits
 * of the SHA-256 of its {@link AccountNames#canonical canonical form} (two longs), with its count and two
 * instants; at most {@link #MAX_TRACKED} names, about {@value #BYTES_PER_ENTRY} bytes each with the maps'
 * overhead (so at most about 16 MB). Names that no account can have ({@link AccountNames#mayLogIn}) are
 * not tracked at all: the identity store refuses them before asking.
 *
 * <p>When full, the entry whose loss gives an attacker least is forgotten: first any whose hour has
 * passed; then among the names that are not locked-class, one with the fewest failures (the oldest of
 * those); only when every tracked name has reached the lock, the one whose lock ends first, so an expired
 * lock goes before an active one. Pushing a victim's counter out therefore takes the whole table's worth
 * of names with as many failures as the victim's, each one a login the server hashes; and an active lock
 * goes only once every other entry holds a lock that lasts longer.
 */
@ApplicationScoped
@Typed(LocalLoginThrottle.class)
public class LocalLoginThrottle implements LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** How many names are tracked at most. */
    static final int MAX_TRACKED = 100_000;
    /** A rough upper estimate of one tracked name's heap: map node, key, entry and ordering node. */
    static final int BYTES_PER_ENTRY = 160;
    /** Forgotten names are swept out at most this often, when the table is full. */
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    /** A name's digest: 128 bits of SHA-256, fixed size whatever the name's length. */
    record Key(long high, long low) {

        static final int BYTES = 16;

        static Key of(String username) {
            ByteBuffer digest = ByteBuffer.wrap(Digests.sha256(AccountNames.canonical(username)));
            return new Key(digest.getLong(), digest.getLong());
        }
    }

    private static final class Entry {
        final Key key;
        final long order; // ties in the eviction order, by creation
        int failures;
        long lockedUntil; // epoch milliseconds
        long lastFailure;

        Entry(Key key, long order) {
            this.key = key;
            this.order = order;
        }

        boolean lockClass() {
            return failures >= FREE_FAILURES;
        }

        /** Free names by their failures then their last failure; locked-class ones after them, by the end of the lock. */
        long when() {
            return lockClass() ? lockedUntil : lastFailure;
        }
    }

    private static final Comparator<Entry> EVICTION_ORDER = Comparator
            .comparingInt((Entry e) -> Math.min(e.failures, FREE_FAILURES))
            .thenComparingLong(Entry::when)
            .thenComparingLong(e -> e.order);

    private final Map<Key, Entry> entries = new HashMap<>();
    private final TreeSet<Entry> evictionOrder = new TreeSet<>(EVICTION_ORDER);
    private final int maxTracked;
    private final Clock clock;
    private long created;
    private long lastSweep = Long.MIN_VALUE;

    public LocalLoginThrottle() {
        this(Clock.systemUTC(), MAX_TRACKED);
    }

    LocalLoginThrottle(Clock clock, int maxTracked) {
        if (maxTracked < 1) {
            throw new IllegalArgumentException("maxTracked must be at least 1");
        }
        this.clock = clock;
        this.maxTracked = maxTracked;
    }

    @Override
    public Optional<Duration> retryAfter(String username) {
        if (!AccountNames.mayLogIn(username)) {
            return Optional.empty();
        }
        Key key = Key.of(username);
        long now = clock.millis();
        long until;
        synchronized (this) {
            Entry entry = entries.get(key);
            if (entry == null) {
                return Optional.empty();
            }
            until = entry.lockedUntil;
        }
        return until > now ? Optional.of(Duration.ofMillis(until - now)) : Optional.empty();
    }

    @Override
    public void failed(String username) {
        if (!AccountNames.mayLogIn(username)) {
            return;
        }
        Key key = Key.of(username);
        long now = clock.millis();
        synchronized (this) {
            Entry entry = entries.get(key);
            if (entry == null) {
                makeRoom(now);
                entry = new Entry(key, created++);
                entries.put(key, entry);
            } else {
                evictionOrder.remove(entry);
            }
            entry.failures = forgotten(entry, now) ? 1 : entry.failures + 1;
            entry.lastFailure = now;
            entry.lockedUntil = now + lockFor(entry.failures).toMillis();
            evictionOrder.add(entry);
        }
    }

    @Override
    public void succeeded(String username) {
        if (!AccountNames.mayLogIn(username)) {
            return;
        }
        Key key = Key.of(username);
        synchronized (this) {
            Entry entry = entries.remove(key);
            if (entry != null) {
                evictionOrder.remove(entry);
            }
        }
    }

    static Duration lockFor(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int exponent = Math.min(failures - FREE_FAILURES, 20);
        Duration lock = Duration.ofSeconds(1L << exponent);
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }

    private static boolean forgotten(Entry entry, long now) {
        return entry.failures == 0 || entry.lastFailure + FORGET_AFTER.toMillis() < now;
    }

    /** Called with the lock held, before adding a name. */
    private void makeRoom(long now) {
        if (entries.size() < maxTracked) {
            return;
        }
        if (lastSweep == Long.MIN_VALUE || now - lastSweep >= SWEEP_EVERY.toMillis()) {
            lastSweep = now;
            for (Iterator<Entry> it = evictionOrder.iterator(); it.hasNext(); ) {
                Entry entry = it.next();
                if (forgotten(entry, now)) {
                    it.remove();
                    entries.remove(entry.key);
                }
            }
        }
        while (entries.size() >= maxTracked) {
            entries.remove(evictionOrder.pollFirst().key);
        }
    }

    synchronized int tracked() {
        return entries.size();
    }

    /** The bytes the tracked names take, keys only: fixed per name, whatever its length. */
    synchronized long keyBytes() {
        return (long) entries.size() * Key.BYTES;
    }

    /** A rough upper estimate of all the throttle holds. */
    synchronized long retainedBytesEstimate() {
        return (long) entries.size() * BYTES_PER_ENTRY;
    }
}
