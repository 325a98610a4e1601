package dev.dualauth.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void lengthComesFirst() {
        assertEquals(Optional.of("passwords need at least 12 characters"), PasswordPolicy.problem("short"));
        assertEquals(Optional.of("passwords need at least 12 characters"), PasswordPolicy.problem("password"));
        assertEquals(Optional.of("passwords may have at most 1024 characters"), PasswordPolicy.problem("x".repeat(1025)));
        assertEquals(Optional.of("a password is required"), PasswordPolicy.problem(null));
    }

    @Test
    void theListHoldsTenThousandCommonPasswordsOfTheMinimumLengthAndAllAreRefused() throws Exception {
        List<String> list;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PasswordPolicy.class.getResourceAsStream("common-passwords.txt"), StandardCharsets.UTF_8))) {
            list = in.lines().toList();
        }
        List<String> longEnough = list.stream().filter(p -> p.codePointCount(0, p.length()) >= PasswordPolicy.MIN_LENGTH).toList();
        assertTrue(longEnough.size() >= 10_000, longEnough.size() + " common passwords of 12 characters or more");
        for (String common : longEnough) {
            assertTrue(PasswordPolicy.problem(common).isPresent(), common);
            assertTrue(PasswordPolicy.problem(common.toUpperCase()).isPresent(), "in upper case: " + common);
        }
    }

    @Test
    void commonPasswordsAreRefusedWithTheReasonWhateverTheCase() {
        for (String common : new String[] {"qwertyuiop123", "123qweasdzxc", "1qaz2wsx3edc", "iloveyou1234", "passwordpassword",
                "QwErTyUiOp123", "ＱＷＥＲＴＹＵＩＯＰ１２３"}) {
            assertEquals(Optional.of(PasswordPolicy.COMMON), PasswordPolicy.problem(common), common);
        }
    }

    @Test
    void simpleVariationsOfCommonPasswordsAreRefused() {
        assertEquals(Optional.of(PasswordPolicy.COMMON_DECORATED), PasswordPolicy.problem("Sunshine2024!!"));
        assertEquals(Optional.of(PasswordPolicy.COMMON_DECORATED), PasswordPolicy.problem("!!monkey12345"));
        assertEquals(Optional.of(PasswordPolicy.COMMON_DECORATED), PasswordPolicy.problem("football 1234"));
        assertEquals(Optional.of(PasswordPolicy.COMMON_REVERSED), PasswordPolicy.problem("4321llabtoof!"));
        assertTrue(PasswordPolicy.problem("321poiuytrewq").isPresent(), "qwertyuiop123 reversed (poiuytrewq is common too)");
        assertEquals(Optional.of(PasswordPolicy.COMMON_REVERSED), PasswordPolicy.problem("enihsnus2024"));
        assertEquals(Optional.of(PasswordPolicy.REPEATED), PasswordPolicy.problem("xyzxyzxyzxyz"));
        assertEquals(Optional.of(PasswordPolicy.REPEATED), PasswordPolicy.problem("q7q7q7q7q7q7"));
    }

    @Test
    void theUserNameAndTheApplicationsNameAreRefusedInAnySpelling() {
        for (String withName : new String[] {"alice-demo-password", "ALICE-is-my-name", "my.friend.alice", "4l1c3-forever-and-ever",
                "a.l.i.c.e-rocks-hard", "ecila-backwards-now", "Alice2024Alice", "ａｌｉｃｅ-fullwidth-1"}) {
            assertEquals(Optional.of(PasswordPolicy.HAS_USER_NAME), PasswordPolicy.problem(withName, "alice"), withName);
        }
        assertEquals(Optional.of(PasswordPolicy.HAS_USER_NAME), PasswordPolicy.problem("jones-and-family-2024", "mary.jones"));
        assertEquals(Optional.of(PasswordPolicy.HAS_USER_NAME), PasswordPolicy.problem("bobbobbob2024!", "bob"));
        assertEquals(Optional.of(PasswordPolicy.HAS_USER_NAME), PasswordPolicy.problem("Bob-1234567890", "bob"));
        assertEquals(Optional.of(PasswordPolicy.HAS_USER_NAME), PasswordPolicy.problem("alice-demo-password", "ALICE"));
        for (String withApp : new String[] {"dualauth-secret-1", "DUALAUTH2024secret", "my-dual-auth-pw!", "htualaud-is-backwards",
                "Du4l4uth-rocks-here"}) {
            assertEquals(Optional.of(PasswordPolicy.HAS_APPLICATION_NAME), PasswordPolicy.problem(withApp, "alice"), withApp);
            assertEquals(Optional.of(PasswordPolicy.HAS_APPLICATION_NAME), PasswordPolicy.problem(withApp), withApp);
        }
    }

    @Test
    void reasonablePasswordsPassIncludingTheOnesTheTestsUse() {
        for (String fine : new String[] {"first-password-1234", "second-password-5678", "cluster-password-1234",
                "hardening-password-1234", "long-enough-password", "a-long-enough-password", "changed-password-5678",
                "attacker-chosen-password", "correct horse staple battery", "Tr0ub4dor&3-xkcd-936", "k8#Vq2!mZp9w",
                "bobsleigh-in-winter" /* "bob" inside a word is fine for a short name */}) {
            assertEquals(Optional.empty(), PasswordPolicy.problem(fine, "user-1a2b3c4d"), fine);
            assertEquals(Optional.empty(), PasswordPolicy.problem(fine, "bob"), fine);
        }
    }

    @Test
    void periodsAreFoundInLinearTime() {
        assertEquals(1, PasswordPolicy.period("aaaa"));
        assertEquals(3, PasswordPolicy.period("abcabc"));
        assertEquals(5, PasswordPolicy.period("abcab"));
        assertEquals(1024, PasswordPolicy.period("a".repeat(1023) + "b"));
    }
}
