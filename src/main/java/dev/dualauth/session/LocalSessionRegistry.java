package dev.dualauth.session;

import dev.dualauth.account.CredentialsRevoked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The single-node {@link SessionRegistry}: user name to the sessions of this server. */
@ApplicationScoped
public class LocalSessionRegistry implements SessionRegistry {

    private final Map<String, Set<HttpSession>> byUser = new ConcurrentHashMap<>();

    @Override
    public void register(String username, HttpSession session) {
        byUser.computeIfAbsent(username, u -> ConcurrentHashMap.newKeySet()).add(session);
    }

    @Override
    public void forget(HttpSession session) {
        SessionCaller caller = SessionCaller.of(session);
        if (caller != null) {
            byUser.computeIfPresent(caller.name(), (user, sessions) -> {
                sessions.remove(session);
                return sessions.isEmpty() ? null : sessions;
            });
        }
    }

    @Override
    public void endAllOf(String username, String keepSessionId) {
        Set<HttpSession> sessions = byUser.getOrDefault(username, Set.of());
        for (HttpSession session : Set.copyOf(sessions)) {
            String id;
            try {
                id = session.getId();
            } catch (IllegalStateException alreadyInvalid) {
                sessions.remove(session);
                continue;
            }
            if (!id.equals(keepSessionId)) {
                sessions.remove(session);
                invalidate(session);
            }
        }
    }

    void onCredentialsRevoked(@Observes CredentialsRevoked event) {
        endAllOf(event.username(), event.keepSessionId());
    }

    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            // ended meanwhile
        }
    }
}
