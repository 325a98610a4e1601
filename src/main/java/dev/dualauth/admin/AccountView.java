package dev.dualauth.admin;

import dev.dualauth.account.Account;
import java.time.Instant;
import java.util.Set;

/** What an admin sees of an account: never the password hash. */
public record AccountView(String name, Set<String> roles, boolean enabled, Instant created) {

    static AccountView of(Account a) {
        return new AccountView(a.username(), a.roles(), a.enabled(), a.createdAt());
    }
}
