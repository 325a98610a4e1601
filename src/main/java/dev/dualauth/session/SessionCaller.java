package dev.dualauth.session;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * Who is logged in to a session, since when (compared with the user's "logged out everywhere" cut-off),
 * and when the session must end however active it is (the absolute lifetime): kept as a session attribute
 * at login and re-asserted on each request, so the caller's roles never depend on the container's own
 * session bookkeeping (Payara issues 6145, 6342). Small and serializable, so a distributable session
 * carries it to every node. {@code binding} is the value the request's {@link SessionBinding} cookie must
 * carry.
 */
record SessionCaller(String name, Set<String> groups, Instant loggedInAt, Instant endsAt, String binding)
        implements Serializable {

    static final String ATTRIBUTE = SessionCaller.class.getName();

    SessionCaller {
        groups = Set.copyOf(groups);
    }

    static SessionCaller of(HttpSession session) {
        try {
            return session == null ? null : (SessionCaller) session.getAttribute(ATTRIBUTE);
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    void storeIn(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(endsAt);
    }

    /** The same login, counted as made at {@code instant}: a session kept through a cut-off. */
    SessionCaller loggedInAgainAt(Instant instant) {
        return new SessionCaller(name, groups, instant, endsAt, binding);
    }
}
