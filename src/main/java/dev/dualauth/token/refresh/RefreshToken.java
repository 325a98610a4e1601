package dev.dualauth.token.refresh;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One refresh token, stored only as the SHA-256 of its value; spent once used. */
@Entity
@Table(name = "refresh_token")
@NamedQuery(name = RefreshToken.SPEND, query = "update RefreshToken t set t.spentAt = :now where t.hash = :hash and t.spentAt is null")
@NamedQuery(name = RefreshToken.PURGE, query = "delete from RefreshToken t where t.createdAt <= :before")
@NamedQuery(name = RefreshToken.SPENT_OF, query = "select t.createdAt from RefreshToken t where t.familyId = :family and t.spentAt is not null order by t.createdAt desc")
@NamedQuery(name = RefreshToken.TRIM, query = "delete from RefreshToken t where t.familyId = :family and t.spentAt is not null and t.createdAt <= :upTo")
public class RefreshToken {

    static final String SPEND = "RefreshToken.spend";
    static final String PURGE = "RefreshToken.purge";
    static final String SPENT_OF = "RefreshToken.spentOf";
    static final String TRIM = "RefreshToken.trim";

    @Id
    @Column(length = 64)
    private String hash;

    @Column(name = "family_id", nullable = false, length = 36)
    private String familyId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "spent_at")
    private Instant spentAt;

    protected RefreshToken() {
        // for JPA
    }

    RefreshToken(String hash, String familyId, Instant now) {
        this.hash = hash;
        this.familyId = familyId;
        this.createdAt = now;
    }

    String familyId() {
        return familyId;
    }
}
