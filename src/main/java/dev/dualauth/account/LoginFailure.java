package dev.dualauth.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The failed logins of one user name, shared by every node of a cluster ({@link DatabaseLoginThrottle}).
 * Keyed by the SHA-256 of the name: names of any length fit, and the table lists no names.
 */
@Entity
@Table(name = "login_failure")
@NamedQuery(name = LoginFailure.FORGET, query = "delete from LoginFailure f where f.nameHash = :nameHash")
@NamedQuery(name = LoginFailure.PURGE, query = "delete from LoginFailure f where f.lastFailure < :before")
public class LoginFailure {

    static final String FORGET = "LoginFailure.forget";
    static final String PURGE = "LoginFailure.purge";

    @Id
    @Column(name = "name_hash", length = 64)
    private String nameHash;

    @Column(nullable = false)
    private int failures;

    @Column(name = "locked_until", nullable = false)
    private Instant lockedUntil;

    @Column(name = "last_failure", nullable = false)
    private Instant lastFailure;

    protected LoginFailure() {
        // for JPA
    }

    LoginFailure(String nameHash) {
        this.nameHash = nameHash;
        this.lockedUntil = Instant.EPOCH;
        this.lastFailure = Instant.EPOCH;
    }

    int failures() {
        return failures;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    Instant lastFailure() {
        return lastFailure;
    }

    void failedAt(Instant now, int failures, Instant lockedUntil) {
        this.failures = failures;
        this.lastFailure = now;
        this.lockedUntil = lockedUntil;
    }
}
