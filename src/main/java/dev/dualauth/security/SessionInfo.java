package dev.dualauth.security;

import java.time.Instant;

/**
 * What a page may show about its session: the idle timeout and when the session ends at the latest, so
 * that a front end can warn before either.
 */
public record SessionInfo(int idleTimeoutSeconds, Instant expiresAt) {
}
