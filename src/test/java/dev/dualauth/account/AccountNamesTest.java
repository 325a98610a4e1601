package dev.dualauth.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccountNamesTest {

    @Test
    void lookAlikesShareOneCanonicalForm() {
        for (String lookAlike : new String[] {"alice", "Alice", "ALICE", "aLiCe", "ａｌｉｃｅ", "ＡＬＩＣＥ"}) {
            assertEquals("alice", AccountNames.canonical(lookAlike), lookAlike);
        }
        assertEquals("kim", AccountNames.canonical("\u212Aim"), "the Kelvin sign is a K");
        assertEquals("x1", AccountNames.canonical("x\u00B9"), "a superscript one is a one");
    }

    @Test
    void theRuleKeepsTheDemoNamesAndTheNamesTheTestsUse() {
        for (String name : new String[] {"alice", "admin", "user-1a2b3c4d", "located-0f9e8d7c", "a", "x9",
                "mary.jones", "mary_jones", "a".repeat(64), "Alice"}) {
            assertTrue(AccountNames.valid(name), name);
        }
    }

    @Test
    void theRuleRefusesWhatCouldPassForAnotherName() {
        for (String name : new String[] {"alice.", "alice-", "alice_", ".alice", "-alice", "_alice", "bad name!",
                "alice ", " alice", "al ice", "ali\u0441e" /* Cyrillic es */, "alïce", "", "a".repeat(65), "ａｌｉｃｅ.",
                "alice\u200B", "a/b", "a@b"}) {
            assertFalse(AccountNames.valid(name), name);
        }
        assertFalse(AccountNames.valid(null));
    }

    @Test
    void namesNoAccountCanHaveAreNotWorthALogin() {
        assertTrue(AccountNames.mayLogIn("x".repeat(64)));
        assertFalse(AccountNames.mayLogIn("x".repeat(65)));
        assertFalse(AccountNames.mayLogIn("x".repeat(1_500_000)));
        assertFalse(AccountNames.mayLogIn(""));
        assertFalse(AccountNames.mayLogIn("   "));
        assertFalse(AccountNames.mayLogIn(null));
        assertFalse(AccountNames.mayLogIn("alice\u0000"));
        assertFalse(AccountNames.mayLogIn("\u0000"));
        assertFalse(AccountNames.mayLogIn("al\nice"));
        assertFalse(AccountNames.mayLogIn("alice\u0085"));
        assertFalse(AccountNames.mayLogIn("alice\u007f"));
    }
}
