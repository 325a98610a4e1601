package dev.dualauth.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Set;
import jakarta.json.bind.annotation.JsonbTransient;

/**
 * What a page may show about its session: the idle timeout and when the session ends at the latest, so
 * that a front end can warn before either; and the caller's groups (not shown).
 */
public record SessionInfo(int idleTimeoutSeconds, Instant expiresAt, @JsonbTransient Set<String> groups) {

    /** The logged-in session of the request, or null. */
    public static SessionInfo of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        SessionCaller caller = SessionCaller.of(session);
        return caller == null ? null : new SessionInfo(session.getMaxInactiveInterval(), caller.endsAt(), caller.groups());
    }
}
