package dev.dualauth.security;

import jakarta.servlet.ServletRequest;
import jakarta.ws.rs.ForbiddenException;
import java.util.Collection;
import java.util.Set;

/**
 * Who a gate let in: the name and groups it handed to the container, which path, and on the session path
 * what a page may show about the session. Kept as a request attribute for the
 * {@link RolesAllowedFeature role check} and the resources, which thus read what the gate decided instead
 * of asking the container again on every request. Groups equal role names here (as MicroProfile JWT
 * defines for the {@code groups} claim, and as the identity store's groups are named).
 */
public record Caller(String name, Set<String> groups, String via, SessionInfo session) {

    public static final String VIA_SESSION = "session";
    public static final String VIA_JWT = "jwt";

    /**
     * The request attribute. JAX-RS exposes a servlet request's attributes as the request context's
     * properties, so filters read it there. Only server code can set a request attribute.
     */
    public static final String ATTRIBUTE = Caller.class.getName();

    public Caller {
        groups = Set.copyOf(groups);
    }

    /** A caller who sent a bearer token. */
    public static Caller bearer(String name, Set<String> groups) {
        return new Caller(name, groups, VIA_JWT, null);
    }

    /** A caller logged in to a session, with what a page may show about it. */
    public static Caller session(String name, Set<String> groups, SessionInfo session) {
        return new Caller(name, groups, VIA_SESSION, session);
    }

    /**
     * The caller a gate stored in this request. Every resource method that needs one is behind the role
     * check, which lets no request without a caller through; so a missing one is refused the same way (403).
     */
    public static Caller of(ServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Caller caller) {
            return caller;
        }
        throw new ForbiddenException();
    }

    public void storeIn(ServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    public boolean hasAnyRole(Collection<String> roles) {
        for (String role : roles) {
            if (groups.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean viaJwt() {
        return VIA_JWT.equals(via);
    }
}
