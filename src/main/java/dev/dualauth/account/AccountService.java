package dev.dualauth.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What changes an account: creating it, its password, enabling and disabling it, and ending all of its
 * logins. Each change that must end existing logins fires {@link CredentialsRevoked}, which the session
 * and token paths observe.
 */
@ApplicationScoped
public class AccountService {

    /** User names: letters, digits, dot, dash, underscore; 1 to 64. */
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

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
        if (PasswordPolicy.problem(replacement).isPresent()) {
            return Outcome.INVALID;
        }
        accounts.replaceHash(username, passwords.hash(replacement.toCharArray()));
        revoked.fire(new CredentialsRevoked(username, CredentialsRevoked.Cause.PASSWORD_CHANGED, keepSessionId, Instant.now()));
        return Outcome.DONE;
    }

    public void logoutEverywhere(String username) {
        revoked.fire(new CredentialsRevoked(username, CredentialsRevoked.Cause.LOGOUT_EVERYWHERE, null, Instant.now()));
    }

    public Outcome setEnabled(String username, boolean enabled) {
        if (!accounts.setEnabled(username, enabled)) {
            return Outcome.NOT_FOUND;
        }
        if (!enabled) {
            revoked.fire(new CredentialsRevoked(username, CredentialsRevoked.Cause.ACCOUNT_DISABLED, null, Instant.now()));
        }
        return Outcome.DONE;
    }

    public Outcome create(String username, String password, Set<String> roles) {
        if (username == null || !USERNAME.matcher(username).matches() || PasswordPolicy.problem(password).isPresent()
                || roles == null || roles.isEmpty() || !Roles.ALL.containsAll(roles)) {
            return Outcome.INVALID;
        }
        if (accounts.find(username).isPresent()) {
            return Outcome.EXISTS;
        }
        accounts.create(username, passwords.hash(password.toCharArray()), roles);
        return Outcome.DONE;
    }

    /** True when the account exists and is enabled: refreshing a token asks this. */
    public Optional<Set<String>> rolesIfEnabled(String username) {
        return accounts.find(username).filter(Account::enabled).map(Account::roles);
    }
}
