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

/**
 * A person who can log in, by either path. Roles are stored as a comma-separated list.
 *
 * <p>{@code canonicalName} is the name in {@link AccountNames#canonical canonical form}, unique (a database
 * constraint): look-alike names cannot coexist. New accounts are stored with {@code username} equal to it.
 * Rows made before the column existed got it at the next start ({@code schema.sql}), unless two of them
 * differed only in case: those keep no canonical name and are found by their exact name only.
 */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_NAME, query = "select a from Account a where a.canonicalName = :canonical"
        + " or (a.canonicalName is null and a.username = :username)")
@NamedQuery(name = Account.ALL, query = "select a from Account a order by a.username")
public class Account {

    static final String BY_NAME = "Account.byName";
    static final String ALL = "Account.all";

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "canonical_name", unique = true, length = 64)
    private String canonicalName;

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
        this.username = AccountNames.canonical(username);
        this.canonicalName = this.username;
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

    /** Null only for an old row whose name differs from another old one's in case alone. */
    String canonicalName() {
        return canonicalName;
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
