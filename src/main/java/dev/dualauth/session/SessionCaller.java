package dev.dualauth.session;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * Who is logged in to a session, and when the session must end however active it is (the absolute
 * lifetime): kept as a session attribute at login and re-asserted on
 * each request, so the caller's roles never depend on the container's own session bookkeeping (Payara
 * issue 6145). Serializable, so a distributable session can move between nodes.
 */
record SessionCaller(String name, Set<String> groups, Instant endsAt) implements Serializable {

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
}
