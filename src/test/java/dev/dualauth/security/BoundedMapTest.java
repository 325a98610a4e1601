package dev.dualauth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BoundedMapTest {

    @Test
    void neverHoldsMoreThanItsCapacityAndEvictsTheEntryWrittenLongestAgo() {
        BoundedMap<String, Integer> map = new BoundedMap<>(3);
        map.put("a", 1);
        map.put("b", 2);
        map.put("c", 3);
        map.put("a", 4); // written again: now the newest
        map.put("d", 5);
        assertEquals(3, map.size());
        assertNull(map.get("b"), "b was written longest ago");
        assertEquals(4, map.get("a"));
        assertEquals(5, map.get("d"));
    }

    @Test
    void oneKeyWrittenOverAndOverKeepsTheQueueSmallAndTheOthersInPlace() {
        BoundedMap<String, Integer> map = new BoundedMap<>(3);
        map.put("x", 0);
        map.put("y", 0);
        for (int i = 0; i < 100_000; i++) {
            map.compute("hot", (k, v) -> v == null ? 1 : v + 1);
        }
        assertEquals(100_000, map.get("hot"));
        assertEquals(0, map.get("x"), "stale records of 'hot' never evict a live entry");
        assertEquals(3, map.size());
    }

    @Test
    void computeToNullAndRemoveDropEntries() {
        BoundedMap<String, Integer> map = new BoundedMap<>(2);
        map.put("a", 1);
        map.compute("a", (k, v) -> null);
        assertNull(map.get("a"));
        map.put("b", 2);
        map.remove("b", 3);
        assertEquals(2, map.get("b"), "removed only while it maps to the given value");
        map.remove("b");
        assertEquals(0, map.size());
    }

    @Test
    void concurrentWritersStayWithinTheBound() throws Exception {
        BoundedMap<Integer, Integer> map = new BoundedMap<>(1_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 1_000_000;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50_000; i++) {
                        map.put(offset + i, i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(map.size() <= 1_000, map.size() + " entries");
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedMap<>(0));
    }
}
