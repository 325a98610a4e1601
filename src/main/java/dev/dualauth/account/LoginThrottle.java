package dev.dualauth.account;

import java.time.Duration;
import java.util.Optional;

/**
 * Failed logins counted per user name, over both login routes, for existing and unknown names alike.
 * Two implementations, chosen by {@code dualauth.cluster.enabled}: {@link LocalLoginThrottle} (node memory)
 * and {@link DatabaseLoginThrottle} (the cluster's shared database).
 */
public interface LoginThrottle {

    /** How long {@code username} must wait before the next attempt counts, or empty when it may try now. */
    Optional<Duration> retryAfter(String username);

    void failed(String username);

    void succeeded(String username);
}
