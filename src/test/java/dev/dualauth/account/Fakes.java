package dev.dualauth.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory stand-ins for the account package's database and hashing, counting what they are asked. */
final class Fakes {

    private Fakes() {
    }

    /** Keyed by canonical name, as the unique constraint is. */
    static class Table extends AccountTable {
        final Map<String, Account> rows = new ConcurrentHashMap<>();
        int finds;

        @Override
        public Optional<Account> find(String username) {
            finds++;
            return AccountNames.mayLogIn(username)
                    ? Optional.ofNullable(rows.get(AccountNames.canonical(username))) : Optional.empty();
        }

        @Override
        public List<Account> all() {
            return new ArrayList<>(rows.values());
        }

        @Override
        public Account create(String username, String passwordHash, Set<String> roles) {
            Account account = new Account(username, passwordHash, roles);
            if (rows.putIfAbsent(account.canonicalName(), account) != null) {
                throw new IllegalStateException("unique constraint account_canonical_name");
            }
            return account;
        }

        @Override
        void replaceHash(String username, String passwordHash) {
            find(username).ifPresent(a -> a.passwordHash(passwordHash));
        }
    }

    /** "hash:" + the password: only as slow as string concatenation, and it counts. */
    static class Hasher extends PasswordHasher {
        int hashings;

        @Override
        public String hash(char[] password) {
            hashings++;
            return "hash:" + new String(password);
        }

        @Override
        public boolean verify(char[] password, String stored) {
            hashings++;
            return stored.equals("hash:" + new String(password));
        }

        @Override
        public boolean verifyAgainstDummy(char[] password) {
            hashings++;
            return false;
        }

        @Override
        public boolean needsRehash(String stored) {
            return false;
        }
    }

    static final class Throttle implements LoginThrottle {
        final List<String> asked = new ArrayList<>();
        final List<String> failed = new ArrayList<>();

        @Override
        public Optional<Duration> retryAfter(String username) {
            asked.add(username);
            return Optional.empty();
        }

        @Override
        public void failed(String username) {
            failed.add(username);
        }

        @Override
        public void succeeded(String username) {
        }
    }
}
