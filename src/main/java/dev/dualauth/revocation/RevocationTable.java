package dev.dualauth.revocation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The revocation table: a row added per revocation, read at start (and, in a cluster, polled), purged when expired. */
@ApplicationScoped
@Transactional
public class RevocationTable {

    @PersistenceContext(unitName = "dualauth")
    EntityManager em;

    public void save(Revocation revocation) {
        em.persist(revocation);
    }

    public List<Revocation> live(Instant now) {
        return em.createNamedQuery(Revocation.LIVE, Revocation.class).setParameter("now", now).getResultList();
    }

    /** Live rows recorded after {@code since}: what other nodes revoked lately. */
    public List<Revocation> recordedSince(Instant since, Instant now) {
        return em.createNamedQuery(Revocation.SINCE, Revocation.class)
                .setParameter("since", since).setParameter("now", now).getResultList();
    }

    public int purge(Instant now) {
        return em.createNamedQuery(Revocation.PURGE).setParameter("now", now).executeUpdate();
    }
}
