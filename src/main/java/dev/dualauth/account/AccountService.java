package dev.dualauth.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What changes an account: creating it, its password, enabling and disabling it, and ending all of its
 * logins. Each change that must end existing logins fires {@link CredentialsRevoked}, which the session
 * and token paths observe.
 */
@ApplicationScoped
public class AccountService {

    /** The outcome of an account change, with a reason when it did not happen. */
    public enum Outcome { DONE, NOT_FOUND, WRONG_PASSWORD, INVALID, EXISTS }

    @Inject
    AccountTable accounts;

    @Inject
    PasswordHasher passwords;

    @Inject
    Event<CredentialsRevoked> revoked;

    @Inject
    LoginThrottle throttle;

    public Outcome changePassword(String username, char[] current, String replacement, String keepSessionId) {
        Optional<Account> account = accounts.find(username);
        if (account.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        if (throttle.retryAfter(username).isPresent()) {
            return Outcome.WRONG_PASSWORD;
        }
        if (!passwords.verify(current, account.get().passwordHash())) {
            throttle.failed(username);
            return Outcome.WRONG_PASSWORD;
        }
        if (PasswordPolicy.problem(replacement, account.get().username()).isPresent()) {
            return Outcome.INVALID;
        }
        accounts.replaceHash(username, passwords.hash(replacement.toCharArray()));
        revoked.fire(new CredentialsRevoked(username, CredentialsRevoked.Cause.PASSWORD_CHANGED, keepSessionId, Instant.now()));
        return Outcome.DONE;
    }

    public void logoutEverywhere(String username) {
        revoked.fire(new CredentialsRevoked(username, CredentialsRevoked.Cause.LOGOUT_EVERYWHERE, null, Instant.now()));
    }

    /** {@code name} in any spelling of the account's name; the events carry the stored name, as tokens and sessions do. */
    public Outcome setEnabled(String name, boolean enabled) {
        Optional<String> username = accounts.setEnabled(name, enabled);
        if (username.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        if (!enabled) {
            revoked.fire(new CredentialsRevoked(username.get(), CredentialsRevoked.Cause.ACCOUNT_DISABLED, null, Instant.now()));
        }
        return Outcome.DONE;
    }

    /**
     * Creates the account, named in {@link AccountNames canonical form}: {@code INVALID} (see
     * {@link #problem}) or {@code EXISTS} when an account has the same name in that form ({@code ALICE}
     * beside {@code alice}), also when two look-alikes are created at once (the database's unique
     * constraint decides).
     */
    public Outcome create(String username, String password, Set<String> roles) {
        if (problem(username, password, roles).isPresent()) {
            return Outcome.INVALID;
        }
        if (exists(username)) {
            return Outcome.EXISTS;
        }
        try {
            accounts.create(username, passwords.hash(password.toCharArray()), roles);
        } catch (RuntimeException e) {
            if (exists(username)) {
                return Outcome.EXISTS; // created meanwhile, under this or a look-alike name
            }
            throw e;
        }
        return Outcome.DONE;
    }

    /**
     * An account holds this name or its canonical form, which is what a new account would be stored as
     * (an old row without a canonical name, {@code bob}, is found by that form when {@code BOB} is asked for).
     */
    private boolean exists(String username) {
        return accounts.find(username).or(() -> accounts.find(AccountNames.canonical(username))).isPresent();
    }

    /** Why {@link #create} refuses these as {@code INVALID}, in words for the client; empty when it does not. */
    public Optional<String> problem(String username, String password, Set<String> roles) {
        if (!AccountNames.valid(username)) {
            return Optional.of(AccountNames.RULE_TEXT);
        }
        if (roles == null || roles.isEmpty() || !Roles.ALL.containsAll(roles)) {
            return Optional.of("roles: one or more of " + Roles.ALL);
        }
        return PasswordPolicy.problem(password, username);
    }

    /**
     * True when the account a password login verified is still enabled and still has the password hash
     * the login checked ({@link VerifiedLogin}): asked just before the login is issued, after its time is
     * taken. A login that verified nothing is refused.
     */
    public boolean stillAsVerified(Optional<VerifiedLogin> verified) {
        return verified.flatMap(v -> accounts.find(v.username())
                        .filter(a -> a.enabled() && a.username().equals(v.username())
                                && a.passwordHash().equals(v.passwordHash())))
                .isPresent();
    }

    /** True when the account exists and is enabled: refreshing a token asks this. */
    public Optional<Set<String>> rolesIfEnabled(String username) {
        return accounts.find(username).filter(Account::enabled).map(Account::roles);
    }
}
