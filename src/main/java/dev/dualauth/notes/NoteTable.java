package dev.dualauth.notes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The note table, always filtered by owner. */
@ApplicationScoped
@Transactional
public class NoteTable {

    @PersistenceContext(unitName = "dualauth")
    EntityManager em;

    public List<Note> of(String owner) {
        return em.createNamedQuery(Note.BY_OWNER, Note.class).setParameter("owner", owner).getResultList();
    }

    public Note add(String owner, String text) {
        Note note = new Note(owner, text);
        em.persist(note);
        return note;
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
