package dev.dualauth.account;

import java.time.Duration;
import java.util.Optional;

/**
 * Failed logins counted per user name, over both login routes, for existing and unknown names alike.
 * Small on purpose: a cluster can back it with Payara's data grid instead of {@link LocalLoginThrottle}.
 */
public interface LoginThrottle {

    /** How long {@code username} must wait before the next attempt counts, or empty when it may try now. */
    Optional<Duration> retryAfter(String username);

    void failed(String username);

    void succeeded(String username);
}
