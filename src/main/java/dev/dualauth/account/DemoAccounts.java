package dev.dualauth.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.logging.Logger;

/** In demo mode ({@code dualauth.demo=true}) makes sure the contract's two demo accounts exist. */
@ApplicationScoped
public class DemoAccounts {

    private static final Logger LOG = Logger.getLogger(DemoAccounts.class.getName());

    @Inject
    AccountSettings settings;

    @Inject
    AccountTable accounts;

    @Inject
    PasswordHasher passwords;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!settings.demo()) {
            return;
        }
        ensure("alice", "alice-demo-password", Set.of("user"));
        ensure("admin", "admin-demo-password", Set.of("user", "admin"));
        LOG.warning("Demo mode: the accounts 'alice' and 'admin' have publicly known passwords. "
                + "Set dualauth.demo=false outside demos.");
    }

    private void ensure(String username, String password, Set<String> roles) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(username, passwords.hash(password.toCharArray()), roles);
        }
    }
}
