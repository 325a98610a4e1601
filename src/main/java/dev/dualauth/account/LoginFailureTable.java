package dev.dualauth.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** The {@code login_failure} table. */
@ApplicationScoped
@Transactional
public class LoginFailureTable {

    @PersistenceContext(unitName = "dualauth")
    EntityManager em;

    public Optional<Instant> lockedUntil(String nameHash) {
        LoginFailure row = em.find(LoginFailure.class, nameHash);
        return row == null ? Optional.empty() : Optional.of(row.lockedUntil());
    }

    /**
     * Updates the name's row under a row lock (SELECT … FOR UPDATE), so concurrent failures on any node are
     * counted one after the other and none is lost. A first failure inserts the row; if another node
     * inserted it at the same moment, this transaction fails on commit and the caller tries again.
     */
    public void update(String nameHash, Function<LoginFailure, LoginFailure> change) {
        LoginFailure row = em.find(LoginFailure.class, nameHash, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            em.persist(change.apply(new LoginFailure(nameHash)));
        } else {
            change.apply(row);
        }
    }

    public void forget(String nameHash) {
        em.createNamedQuery(LoginFailure.FORGET).setParameter("nameHash", nameHash).executeUpdate();
    }

    public void purge(Instant before) {
        em.createNamedQuery(LoginFailure.PURGE).setParameter("before", before).executeUpdate();
    }
}
