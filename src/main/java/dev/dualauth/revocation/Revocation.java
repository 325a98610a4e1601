package dev.dualauth.revocation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One {@link RevocationList} write, kept in the {@code revocation} table: the durable record that a
 * restarted node loads, and, in a cluster, the log every node reads the others' revocations from. Rows are
 * only ever added (so concurrent revocations of the same item never collide) and purged once expired.
 */
@Entity
@Table(name = "revocation")
@NamedQuery(name = Revocation.LIVE, query = "select r from Revocation r where r.expiresAt > :now")
@NamedQuery(name = Revocation.SINCE, query = "select r from Revocation r where r.recordedAt > :since and r.expiresAt > :now")
@NamedQuery(name = Revocation.PURGE, query = "delete from Revocation r where r.expiresAt <= :now")
public class Revocation {

    static final String LIVE = "Revocation.live";
    static final String SINCE = "Revocation.since";
    static final String PURGE = "Revocation.purge";

    /** What an entry covers: one access token ({@code jti}), a refresh family ({@code sid}), or a user. */
    public enum Kind { TOKEN, FAMILY, SUBJECT }

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

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected Revocation() {
        // for JPA
    }

    Revocation(Kind kind, String item, Instant notBefore, Instant expiresAt, Instant recordedAt) {
        this.id = UUID.randomUUID().toString();
        this.kind = kind.name();
        this.item = item;
        this.notBefore = notBefore;
        this.expiresAt = expiresAt;
        this.recordedAt = recordedAt;
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

    /** When the writing node recorded it (its clock); rows written before this column existed have none. */
    Instant recordedAt() {
        return recordedAt;
    }
}
