package dev.dualauth.token.code;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One authorization code, stored only as the SHA-256 of its value, with everything it is bound to. Its
 * life: issued, redeemed once ({@code redeemed_at}), then linked to the refresh family it started
 * ({@code family_id}) unless a second presentation ({@code reused_at}) came first.
 */
@Entity
@Table(name = "authorization_code")
@NamedQuery(name = AuthorizationCode.REDEEM,
        query = "update AuthorizationCode c set c.redeemedAt = :now where c.hash = :hash and c.redeemedAt is null")
@NamedQuery(name = AuthorizationCode.MARK_REUSED,
        query = "update AuthorizationCode c set c.reusedAt = :now where c.hash = :hash and c.reusedAt is null")
@NamedQuery(name = AuthorizationCode.LINK_FAMILY,
        query = "update AuthorizationCode c set c.familyId = :family where c.hash = :hash and c.reusedAt is null")
@NamedQuery(name = AuthorizationCode.SPEND_ALL_OF,
        query = "update AuthorizationCode c set c.redeemedAt = :now where c.username = :username and c.redeemedAt is null")
@NamedQuery(name = AuthorizationCode.SEVER_UNLINKED_OF,
        query = "update AuthorizationCode c set c.reusedAt = :now where c.username = :username and c.familyId is null and c.reusedAt is null")
@NamedQuery(name = AuthorizationCode.PURGE, query = "delete from AuthorizationCode c where c.createdAt <= :before")
public class AuthorizationCode {

    static final String REDEEM = "AuthorizationCode.redeem";
    static final String MARK_REUSED = "AuthorizationCode.markReused";
    static final String LINK_FAMILY = "AuthorizationCode.linkFamily";
    static final String PURGE = "AuthorizationCode.purge";
    static final String SPEND_ALL_OF = "AuthorizationCode.spendAllOf";
    static final String SEVER_UNLINKED_OF = "AuthorizationCode.severUnlinkedOf";

    @Id
    @Column(length = 64)
    private String hash;

    @Column(name = "client_id", nullable = false, length = 100)
    private String clientId;

    @Column(name = "redirect_uri", nullable = false, length = 500)
    private String redirectUri;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "code_challenge", nullable = false, length = 128)
    private String codeChallenge;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "redeemed_at")
    private Instant redeemedAt;

    @Column(name = "reused_at")
    private Instant reusedAt;

    @Column(name = "family_id", length = 36)
    private String familyId;

    protected AuthorizationCode() {
        // for JPA
    }

    AuthorizationCode(String hash, CodeBinding binding, Instant now, Instant expiresAt) {
        this.hash = hash;
        this.clientId = binding.clientId();
        this.redirectUri = binding.redirectUri();
        this.username = binding.username();
        this.codeChallenge = binding.codeChallenge();
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    CodeBinding binding() {
        return new CodeBinding(clientId, redirectUri, username, codeChallenge);
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    String familyId() {
        return familyId;
    }
}
