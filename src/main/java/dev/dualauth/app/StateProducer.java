package dev.dualauth.app;

import dev.dualauth.account.DatabaseLoginThrottle;
import dev.dualauth.account.LocalLoginThrottle;
import dev.dualauth.account.LoginThrottle;
import dev.dualauth.security.ClusterSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/**
 * Where state that is not plain data lives, chosen by {@code dualauth.cluster.enabled}: in this node's
 * memory on a single node, in the shared database in a cluster. (Sessions are the server's: in memory, or
 * on its data grid for a distributable WAR; revocations are in memory on every node, loaded from and
 * synchronised through the database by {@code revocation.RevocationSync}.)
 */
@ApplicationScoped
public class StateProducer {

    @Produces
    @ApplicationScoped
    LoginThrottle loginThrottle(ClusterSettings cluster, Instance<LocalLoginThrottle> local,
            Instance<DatabaseLoginThrottle> shared) {
        return cluster.enabled() ? shared.get() : local.get();
    }
}
