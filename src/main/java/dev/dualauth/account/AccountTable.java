package dev.dualauth.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The account table. */
@ApplicationScoped
@Transactional
public class AccountTable {

    @PersistenceContext(unitName = "dualauth")
    EntityManager em;

    /**
     * The account of that name, compared in {@link AccountNames#canonical canonical form} ({@code ALICE}
     * finds {@code alice}); an old row without a canonical name is found by its exact name. A name that
     * no account can have (blank, or over {@value AccountNames#MAX_LENGTH} characters) costs no query.
     */
    public Optional<Account> find(String username) {
        if (!AccountNames.mayLogIn(username)) {
            return Optional.empty();
        }
        List<Account> found = em.createNamedQuery(Account.BY_NAME, Account.class)
                .setParameter("canonical", AccountNames.canonical(username))
                .setParameter("username", username)
                .getResultList();
        // Two rows only when an old case-only look-alike (no canonical name) is asked for by its exact name:
        // the exact name wins.
        return found.stream().filter(a -> a.username().equals(username)).findFirst().or(() -> found.stream().findFirst());
    }

    public List<Account> all() {
        return em.createNamedQuery(Account.ALL, Account.class).getResultList();
    }

    public Account create(String username, String passwordHash, Set<String> roles) {
        Account account = new Account(username, passwordHash, roles);
        em.persist(account);
        return account;
    }

    void replaceHash(String username, String passwordHash) {
        find(username).ifPresent(a -> a.passwordHash(passwordHash));
    }

    /** The stored name of the account {@code name} finds (see {@link #find}), now enabled or not; empty when there is none. */
    Optional<String> setEnabled(String name, boolean enabled) {
        Optional<Account> account = find(name);
        account.ifPresent(a -> a.enabled(enabled));
        return account.map(Account::username);
    }
}
