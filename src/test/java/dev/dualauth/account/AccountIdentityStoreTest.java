package dev.dualauth.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountIdentityStoreTest {

    final Fakes.Table table = new Fakes.Table();
    final Fakes.Hasher hasher = new Fakes.Hasher();
    final Fakes.Throttle throttle = new Fakes.Throttle();
    final AccountIdentityStore store = new AccountIdentityStore();

    @BeforeEach
    void wire() {
        store.accounts = table;
        store.passwords = hasher;
        store.throttle = throttle;
        table.create("alice", "hash:alice-demo-password", Set.of("user"));
    }

    @Test
    void overLongNamesAreRefusedBeforeTheThrottleTheTableOrAnyHashing() {
        for (String name : new String[] {"a".repeat(AccountNames.MAX_LENGTH + 1), "alice" + "x".repeat(1_500_000), "", "  "}) {
            CredentialValidationResult result = store.validate(new UsernamePasswordCredential(name, "whatever-password"));
            assertEquals(CredentialValidationResult.INVALID_RESULT, result);
        }
        assertTrue(throttle.asked.isEmpty() && throttle.failed.isEmpty(), "the throttle was not asked");
        assertEquals(0, hasher.hashings, "nothing was hashed");
        assertEquals(0, table.finds, "no account was looked up");
    }

    @Test
    void aNameOfTheLongestLengthIsCheckedAndCountedLikeAnyOther() {
        String longest = "a".repeat(AccountNames.MAX_LENGTH);
        assertEquals(CredentialValidationResult.INVALID_RESULT,
                store.validate(new UsernamePasswordCredential(longest, "whatever-password")));
        assertEquals(1, hasher.hashings, "the dummy hash, as for any unknown name");
        assertEquals(1, throttle.failed.size());
    }

    @Test
    void anyCaseOfTheNameLogsInAsTheStoredName() {
        CredentialValidationResult result = store.validate(new UsernamePasswordCredential("ALICE", "alice-demo-password"));
        assertEquals(CredentialValidationResult.Status.VALID, result.getStatus());
        assertEquals("alice", result.getCallerPrincipal().getName());
        assertEquals(Set.of("user"), result.getCallerGroups());
    }
}
