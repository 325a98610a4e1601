package dev.dualauth.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A person who can log in, by either path. Roles are stored as a comma-separated list. */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_USERNAME, query = "select a from Account a where a.username = :username")
@NamedQuery(name = Account.ALL, query = "select a from Account a order by a.username")
public class Account {

    static final String BY_USERNAME = "Account.byUsername";
    static final String ALL = "Account.all";

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Column(nullable = false, length = 255)
    private String roles;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Account() {
        // for JPA
    }

    Account(String username, String passwordHash, Set<String> roles) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = String.join(",", new TreeSet<>(roles));
        this.enabled = true;
        this.createdAt = Instant.now();
        this.id = UUID.randomUUID().toString();
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    void passwordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Set<String> roles() {
        Set<String> result = new TreeSet<>();
        Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).forEach(result::add);
        return result;
    }

    public boolean enabled() {
        return enabled;
    }

    void enabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
