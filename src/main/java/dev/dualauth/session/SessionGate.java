package dev.dualauth.session;

import dev.dualauth.revocation.RevocationList;
import dev.dualauth.security.Caller;
import dev.dualauth.security.RequestPaths;
import dev.dualauth.security.SessionInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition.FormAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.time.Instant;

/**
 * The way into {@code /web/**}: the container's FORM mechanism for the login dialog, then the caller kept
 * in the session. Unsafe requests need the session's CSRF token and must not come from another site;
 * the login POST must not come from another site either. Sessions end after the idle timeout (the
 * container's), at the absolute lifetime, or when the user is logged out everywhere (both checked here on
 * every request, so on whichever node serves it). Authorization headers are never looked at.
 */
@ApplicationScoped
public class SessionGate {

    public static final String LOGIN_ACTION = "/j_security_check";
    static final String HOME = "/web/";

    @Inject
    @FormAuthenticationMechanism
    HttpAuthenticationMechanism form;

    @Inject
    RevocationList revocations;

    @Inject
    SessionSettings settings;

    public AuthenticationStatus validate(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        if (isLoginPostback(request)) {
            if (CrossSiteRequests.isCrossSite(request, settings.allowedOrigins())) {
                return forbidden(response);
            }
            return login(request, response, context);
        }
        HttpSession session = request.getSession(false);
        SessionCaller caller = SessionCaller.of(session);
        if (caller != null && (caller.expiredAt(Instant.now())
                || revocations.loggedOutSince(caller.name(), caller.loggedInAt()))) {
            invalidate(session);
            caller = null;
        }
        if (caller == null) {
            // Not logged in: on a protected page the mechanism saves the request and redirects to the login page.
            return form.validateRequest(request, response, context);
        }
        if (CsrfTokens.isUnsafe(request) && (CrossSiteRequests.isCrossSite(request, settings.allowedOrigins())
                || !CsrfTokens.isPresentIn(request, session))) {
            return forbidden(response);
        }
        AuthenticationStatus status = context.notifyContainerAboutLogin(caller.name(), caller.groups());
        if (status == AuthenticationStatus.SUCCESS) {
            Caller.session(caller.name(), caller.groups(),
                    new SessionInfo(session.getMaxInactiveInterval(), caller.endsAt())).storeIn(request);
        }
        return status;
    }

    private AuthenticationStatus login(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        // A fresh session id on the login POST itself, before the mechanism answers (its redirect commits
        // the response, and the new cookie must go out with it): a session id known before the login can
        // never become an authenticated one (session fixation).
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        AuthenticationStatus status = form.validateRequest(request, response, context);
        Principal principal = context.getCallerPrincipal();
        boolean authenticated = principal != null
                && (status == AuthenticationStatus.SUCCESS || status == AuthenticationStatus.SEND_CONTINUE);
        if (!authenticated) {
            return response.containsHeader("Location") ? status
                    : context.redirect(request.getContextPath() + LoginPages.LOGIN_ERROR);
        }
        // A fresh CSRF token too; the session exists now (the mechanism keeps the login in it).
        HttpSession session = request.getSession();
        CsrfTokens.reset(session);
        session.setMaxInactiveInterval((int) settings.idleTimeout().toSeconds());
        Instant now = Instant.now();
        // Logged in after any cut-off of the user, however close (cut-offs have whole seconds).
        Instant loggedInAt = revocations.issueTimeFor(principal.getName(), now);
        new SessionCaller(principal.getName(), context.getGroups(), loggedInAt, now.plus(settings.absoluteTimeout()))
                .storeIn(session);
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            return status; // the mechanism is redirecting to the page that asked for the login
        }
        return context.redirect(request.getContextPath() + HOME);
    }

    private static AuthenticationStatus forbidden(HttpServletResponse response) throws AuthenticationException {
        try {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        } catch (IOException e) {
            throw new AuthenticationException("cannot send 403", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            // ended meanwhile
        }
    }

    private static boolean isLoginPostback(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && LOGIN_ACTION.equals(RequestPaths.path(request));
    }
}
