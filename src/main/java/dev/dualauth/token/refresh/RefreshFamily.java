package dev.dualauth.token.refresh;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A chain of refresh tokens that starts at one password login: each refresh spends one token and adds the
 * next. Presenting a spent token revokes the whole family. It also ends when idle too long or too old.
 */
@Entity
@Table(name = "refresh_family")
@NamedQuery(name = RefreshFamily.LIVE_OF, query = "select f from RefreshFamily f where f.username = :username and f.revokedAt is null order by f.lastUsedAt desc, f.id")
@NamedQuery(name = RefreshFamily.PURGE, query = "delete from RefreshFamily f where f.expiresAt <= :before")
public class RefreshFamily {

    static final String LIVE_OF = "RefreshFamily.liveOf";
    static final String PURGE = "RefreshFamily.purge";

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected RefreshFamily() {
        // for JPA
    }

    RefreshFamily(String username, Instant now, Duration absoluteTtl) {
        this.id = UUID.randomUUID().toString();
        this.username = username;
        this.createdAt = now;
        this.lastUsedAt = now;
        this.expiresAt = now.plus(absoluteTtl);
    }

    String id() {
        return id;
    }

    String username() {
        return username;
    }

    boolean usableAt(Instant now, Duration idleTtl) {
        return revokedAt == null && now.isBefore(expiresAt) && now.isBefore(lastUsedAt.plus(idleTtl));
    }

    void usedAt(Instant now) {
        this.lastUsedAt = now;
    }

    void revokeAt(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }
}
