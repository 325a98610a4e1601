package dev.dualauth.notes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A short text owned by one account (by user name). */
@Entity
@Table(name = "note")
@NamedQuery(name = Note.BY_OWNER, query = "select n from Note n where n.owner = :owner order by n.createdAt, n.id")
@NamedQuery(name = Note.COUNT_OF, query = "select count(n) from Note n where n.owner = :owner")
public class Note {

    static final String BY_OWNER = "Note.byOwner";
    static final String COUNT_OF = "Note.countOf";

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 64)
    private String owner;

    @Column(nullable = false, length = NoteInput.MAX_LENGTH)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Note() {
        // for JPA
    }

    Note(String owner, String text) {
        this.owner = owner;
        this.text = text;
        this.createdAt = Instant.now();
        this.id = UUID.randomUUID().toString();
    }

    String id() {
        return id;
    }

    String owner() {
        return owner;
    }

    String text() {
        return text;
    }

    Instant createdAt() {
        return createdAt;
    }
}
