package dev.dualauth.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountServiceTest {

    final Fakes.Table table = new Fakes.Table();
    final AccountService service = new AccountService();

    @BeforeEach
    void wire() {
        service.accounts = table;
        service.passwords = new Fakes.Hasher();
        service.throttle = new Fakes.Throttle();
        table.create("alice", "hash:alice-demo-password", Set.of("user")); // as DemoAccounts does: no policy
    }

    @Test
    void lookAlikesOfAnExistingNameAreConflicts() {
        for (String lookAlike : new String[] {"alice", "Alice", "ALICE", "ａｌｉｃｅ", "\uFF21lice"}) {
            assertEquals(AccountService.Outcome.EXISTS, service.create(lookAlike, "a-long-enough-secret", Set.of("user")), lookAlike);
        }
        assertEquals(1, table.rows.size());
    }

    @Test
    void namesOutsideTheRuleAreInvalidWithTheRuleAsReason() {
        for (String bad : new String[] {"alice.", "-alice", "bad name!", "ali\u0441e", "a".repeat(65), ""}) {
            assertEquals(AccountService.Outcome.INVALID, service.create(bad, "a-long-enough-secret", Set.of("user")), bad);
            assertEquals(Optional.of(AccountNames.RULE_TEXT), service.problem(bad, "a-long-enough-secret", Set.of("user")));
        }
    }

    @Test
    void newNamesAreStoredInCanonicalForm() {
        assertEquals(AccountService.Outcome.DONE, service.create("Bob.Smith", "a-long-enough-secret", Set.of("user")));
        assertEquals("bob.smith", table.find("BOB.SMITH").orElseThrow().username());
    }

    @Test
    void aLookAlikeCreatedMeanwhileIsAConflictNotAnError() {
        Fakes.Table racing = new Fakes.Table() {
            boolean first = true;

            @Override
            public Optional<Account> find(String username) {
                if (first) { // the check sees nothing; another node creates "carol" right after it
                    first = false;
                    super.create("carol", "hash:x", Set.of("user"));
                    return Optional.empty();
                }
                return super.find(username);
            }
        };
        service.accounts = racing;
        assertEquals(AccountService.Outcome.EXISTS, service.create("Carol", "a-long-enough-secret", Set.of("user")));
    }

    @Test
    void commonAndContextPasswordsAreRefusedOnCreationWithTheReason() {
        assertEquals(AccountService.Outcome.INVALID, service.create("carol", "qwertyuiop123", Set.of("user")));
        assertEquals(Optional.of(PasswordPolicy.COMMON), service.problem("carol", "qwertyuiop123", Set.of("user")));
        assertEquals(Optional.of(PasswordPolicy.HAS_USER_NAME), service.problem("carol", "Carol-is-here-1", Set.of("user")));
        assertEquals(Optional.of(PasswordPolicy.HAS_APPLICATION_NAME), service.problem("carol", "dualauth-is-it", Set.of("user")));
        assertTrue(table.find("carol").isEmpty());
    }

    @Test
    void commonAndContextPasswordsAreRefusedOnChange() {
        assertEquals(AccountService.Outcome.INVALID,
                service.changePassword("alice", "alice-demo-password".toCharArray(), "iloveyou1234", null));
        assertEquals(AccountService.Outcome.INVALID,
                service.changePassword("alice", "alice-demo-password".toCharArray(), "alice-demo-password2", null));
        assertEquals("hash:alice-demo-password", table.find("alice").orElseThrow().passwordHash(), "unchanged");
    }
}
