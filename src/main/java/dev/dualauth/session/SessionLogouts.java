package dev.dualauth.session;

import dev.dualauth.account.CredentialsRevoked;
import dev.dualauth.revocation.RevocationList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;

/**
 * Ends every session of a user — on this node and every other — when their logins are revoked (logout
 * everywhere, password change, account disabled): a per-user cut-off in the {@link RevocationList}, which
 * the {@link SessionGate} applies to each session on its next request, wherever it is served. Nothing
 * here holds a reference to a session, so nothing depends on which node it lives on.
 *
 * <p>The session that changed the password is kept: it counts as logged in again just after the cut-off.
 */
@ApplicationScoped
public class SessionLogouts {

    @Inject
    RevocationList revocations;

    @Inject
    SessionSettings settings;

    /** CDI's built-in bean: the current request, when the event comes from one. */
    @Inject
    HttpServletRequest request;

    void onCredentialsRevoked(@Observes CredentialsRevoked event) {
        // Until every session logged in before the cut-off has reached its absolute lifetime.
        revocations.revokeSubjectBefore(event.username(), event.at(),
                event.at().plus(settings.absoluteTimeout()).plusSeconds(1));
        if (event.keepSessionId() != null) {
            keep(event.username(), event.keepSessionId());
        }
    }

    private void keep(String username, String sessionId) {
        HttpSession session = request.getSession(false);
        SessionCaller caller = SessionCaller.of(session);
        if (caller != null && caller.name().equals(username) && session.getId().equals(sessionId)) {
            caller.loggedInAgainAt(revocations.issueTimeFor(username, Instant.now())).storeIn(session);
        }
    }
}
