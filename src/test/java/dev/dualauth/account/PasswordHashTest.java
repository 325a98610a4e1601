package dev.dualauth.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    private final PasswordHash hash = new PasswordHash(PasswordHash.MIN_ITERATIONS);

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String stored = hash.hash("correct horse".toCharArray());
        assertTrue(hash.verify("correct horse".toCharArray(), stored));
        assertFalse(hash.verify("correct horsE".toCharArray(), stored));
        assertFalse(hash.verify(new char[0], stored));
    }

    @Test
    void theFormatNamesTheAlgorithmAndCostAndEachHashHasItsOwnSalt() {
        String a = hash.hash("same".toCharArray());
        String b = hash.hash("same".toCharArray());
        String[] parts = a.split("\\$");
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("600000", parts[1]);
        assertEquals(4, parts.length);
        assertNotEquals(a, b);
        assertNotEquals(a.split("\\$")[2], b.split("\\$")[2]);
    }

    @Test
    void aHashWithALowerCostStillVerifiesButAsksForARehash() {
        PasswordHash stronger = new PasswordHash(PasswordHash.MIN_ITERATIONS + 1);
        String old = hash.hash("pw".toCharArray());
        assertTrue(stronger.verify("pw".toCharArray(), old));
        assertTrue(stronger.needsRehash(old));
        assertFalse(hash.needsRehash(old));
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        for (String stored : new String[] {null, "", "plain", "pbkdf2-sha256$x$abc$def", "md5$1$AAAA$AAAA",
                "pbkdf2-sha256$600000$$AAAA", "pbkdf2-sha256$600000$!!$AAAA"}) {
            assertFalse(hash.verify("pw".toCharArray(), stored), String.valueOf(stored));
            assertTrue(hash.needsRehash(stored), String.valueOf(stored));
        }
    }

    @Test
    void costsBelowTheMinimumAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHash(2048));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHash(PasswordHash.MIN_ITERATIONS - 1));
    }
}
