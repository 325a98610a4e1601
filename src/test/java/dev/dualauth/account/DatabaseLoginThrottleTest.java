package dev.dualauth.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class DatabaseLoginThrottleTest {

    @Test
    void namesAreKeyedByAFixedSizeHashOfTheirCanonicalFormThatListsNoName() {
        assertEquals(64, DatabaseLoginThrottle.hash("x".repeat(AccountNames.MAX_LENGTH)).length());
        assertEquals(64, DatabaseLoginThrottle.hash("alice").length());
        assertEquals(DatabaseLoginThrottle.hash("alice"), DatabaseLoginThrottle.hash("Alice"), "one count for all spellings");
        assertEquals(DatabaseLoginThrottle.hash("alice"), DatabaseLoginThrottle.hash("ＡＬＩＣＥ"));
        assertNotEquals(DatabaseLoginThrottle.hash("alice"), DatabaseLoginThrottle.hash("alice2"));
    }

    @Test
    void namesNoAccountCanHaveAreNeitherLookedUpNorCounted() {
        DatabaseLoginThrottle throttle = new DatabaseLoginThrottle(); // no table: any use of it would fail
        String overLong = "x".repeat(AccountNames.MAX_LENGTH + 1);
        for (String name : new String[] {overLong, "x".repeat(1_500_000), "", " ", null}) {
            assertEquals(java.util.Optional.empty(), throttle.retryAfter(name));
            throttle.failed(name);
            throttle.succeeded(name);
        }
    }
}
