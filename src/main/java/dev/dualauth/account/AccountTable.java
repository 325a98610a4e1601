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

    public Optional<Account> find(String username) {
        return em.createNamedQuery(Account.BY_USERNAME, Account.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
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

    /** False when there is no such account. */
    boolean setEnabled(String username, boolean enabled) {
        Optional<Account> account = find(username);
        account.ifPresent(a -> a.enabled(enabled));
        return account.isPresent();
    }
}
