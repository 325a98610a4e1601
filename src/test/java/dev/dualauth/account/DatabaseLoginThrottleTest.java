package dev.dualauth.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class DatabaseLoginThrottleTest {

    @Test
    void namesOfAnyLengthAreKeyedByAFixedSizeHashThatListsNoName() {
        String longName = "x".repeat(100_000);
        assertEquals(64, DatabaseLoginThrottle.hash(longName).length());
        assertEquals(64, DatabaseLoginThrottle.hash("alice").length());
        assertNotEquals(DatabaseLoginThrottle.hash("alice"), DatabaseLoginThrottle.hash("Alice"));
        assertEquals(DatabaseLoginThrottle.hash(""), DatabaseLoginThrottle.hash(null));
    }
}
