package dev.dualauth.security;

import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * A concurrent map that never holds more than {@code capacity} entries: a write beyond it evicts the entry
 * written longest ago. Every operation costs O(1) amortised — no scan of the whole map, however full.
 *
 * <p>The order of writes is a queue of (key, value) records. A record whose key has since been removed
 * or written again is stale and dropped when it reaches the head; when stale records pile up (one key
 * written over and over) the queue is compacted, moving live records to its tail, so the queue stays
 * within twice the capacity (plus what concurrent writers add meanwhile).
 *
 * <p>An optional listener hears of each entry evicted to make room (not of those removed by the caller).
 */
public final class BoundedMap<K, V> {

    private record Written<K, V>(K key, V value) {
    }

    private final int capacity;
    private final Map<K, V> entries = new ConcurrentHashMap<>();
    private final Queue<Written<K, V>> order = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final BiConsumer<? super K, ? super V> evicted;

    public BoundedMap(int capacity) {
        this(capacity, (key, value) -> { });
    }

    /** {@code evicted} is called with each entry evicted to make room, after its removal. */
    public BoundedMap(int capacity, BiConsumer<? super K, ? super V> evicted) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.evicted = Objects.requireNonNull(evicted);
    }

    public V get(K key) {
        return entries.get(key);
    }

    public void put(K key, V value) {
        entries.put(key, Objects.requireNonNull(value));
        written(key, value);
    }

    /** Adds the entry unless the key has one; returns the entry it already had, or null. */
    public V putIfAbsent(K key, V value) {
        V existing = entries.putIfAbsent(key, Objects.requireNonNull(value));
        if (existing == null) {
            written(key, value);
        }
        return existing;
    }

    /** As {@link Map#compute}; a null result removes the entry. */
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
        V value = entries.compute(key, remapping);
        if (value != null) {
            written(key, value);
        }
        return value;
    }

    public void remove(K key) {
        entries.remove(key);
    }

    /** Removes the entry only while it still maps to {@code value}; true if it did. */
    public boolean remove(K key, V value) {
        return entries.remove(key, value);
    }

    public int size() {
        return entries.size();
    }

    public int capacity() {
        return capacity;
    }

    private void written(K key, V value) {
        order.add(new Written<>(key, value));
        int length = queued.incrementAndGet();
        while (entries.size() > capacity) {
            Written<K, V> oldest = poll();
            if (oldest == null) {
                break;
            }
            if (entries.remove(oldest.key(), oldest.value())) { // false for a stale record
                evicted.accept(oldest.key(), oldest.value());
            }
        }
        if (length > 2 * capacity) {
            compact(length);
        }
    }

    /** One pass over at most {@code length} records: stale ones go, live ones move to the tail. */
    private void compact(int length) {
        for (int i = 0; i < length && queued.get() > capacity; i++) {
            Written<K, V> record = poll();
            if (record == null) {
                return;
            }
            if (entries.get(record.key()) == record.value()) {
                order.add(record);
                queued.incrementAndGet();
            }
        }
    }

    private Written<K, V> poll() {
        Written<K, V> record = order.poll();
        if (record != null) {
            queued.decrementAndGet();
        }
        return record;
    }
}
