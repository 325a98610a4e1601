package dev.dualauth.token.revocation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The revocation table: written on each revocation, read once at start, purged of expired entries. */
@ApplicationScoped
@Transactional
public class RevocationTable {

    @PersistenceContext(unitName = "dualauth")
    EntityManager em;

    public void save(Revocation revocation) {
        em.merge(revocation);
    }

    public List<Revocation> live(Instant now) {
        return em.createNamedQuery(Revocation.LIVE, Revocation.class).setParameter("now", now).getResultList();
    }

    public int purge(Instant now) {
        return em.createNamedQuery(Revocation.PURGE).setParameter("now", now).executeUpdate();
    }
}
