package dev.dualauth.token.revocation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** The durable copy of one {@link RevocationList} entry, so that a restart keeps it. */
@Entity
@Table(name = "revocation")
@NamedQuery(name = Revocation.LIVE, query = "select r from Revocation r where r.expiresAt > :now")
@NamedQuery(name = Revocation.PURGE, query = "delete from Revocation r where r.expiresAt <= :now")
public class Revocation {

    static final String LIVE = "Revocation.live";
    static final String PURGE = "Revocation.purge";

    enum Kind { TOKEN, FAMILY, SUBJECT }

    @Id
    @Column(length = 200)
    private String id;

    @Column(nullable = false, length = 8)
    private String kind;

    @Column(nullable = false, length = 190)
    private String item;

    @Column(name = "not_before")
    private Instant notBefore;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected Revocation() {
        // for JPA
    }

    Revocation(Kind kind, String item, Instant notBefore, Instant expiresAt) {
        this.id = kind + ":" + item;
        this.kind = kind.name();
        this.item = item;
        this.notBefore = notBefore;
        this.expiresAt = expiresAt;
    }

    Kind kind() {
        return Kind.valueOf(kind);
    }

    String item() {
        return item;
    }

    Instant notBefore() {
        return notBefore;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
