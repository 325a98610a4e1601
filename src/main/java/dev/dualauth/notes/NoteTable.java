package dev.dualauth.notes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The note table, always filtered by owner. */
@ApplicationScoped
@Transactional
public class NoteTable {

    public static final int MAX_PER_OWNER = 1000;

    @PersistenceContext(unitName = "dualauth")
    EntityManager em;

    public List<Note> of(String owner) {
        return em.createNamedQuery(Note.BY_OWNER, Note.class).setParameter("owner", owner).getResultList();
    }

    /**
     * Adds the note, or empty when the owner already has {@value #MAX_PER_OWNER}: no account can grow the
     * database without bound. (Two adds at once may both pass the count: the bound holds within the
     * concurrency of one user's requests.)
     */
    public Optional<Note> add(String owner, String text) {
        long count = em.createNamedQuery(Note.COUNT_OF, Long.class).setParameter("owner", owner).getSingleResult();
        if (count >= MAX_PER_OWNER) {
            return Optional.empty();
        }
        Note note = new Note(owner, text);
        em.persist(note);
        return Optional.of(note);
    }

    /** Deletes the note if it exists and belongs to the owner; false otherwise. */
    public boolean delete(String owner, String id) {
        Note note = id.length() > 36 ? null : em.find(Note.class, id);
        if (note == null || !note.owner().equals(owner)) {
            return false;
        }
        em.remove(note);
        return true;
    }
}
