package dev.dualauth.session;

import dev.dualauth.account.AccountService;
import dev.dualauth.account.HashingBusy;
import dev.dualauth.account.VerifiedLogin;
import dev.dualauth.revocation.RevocationList;
import dev.dualauth.security.Caller;
import dev.dualauth.security.RequestPaths;
import dev.dualauth.security.SecurityLog;
import dev.dualauth.security.SessionInfo;
import jakarta.annotation.PostConstruct;
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
import java.util.Optional;

/**
 * The way into {@code /web/**}: the container's FORM mechanism for the login dialog, then the caller kept
 * in the session. Unsafe requests need the session's CSRF token and must not come from another site;
 * the login POST must not come from another site either. Sessions end after the idle timeout (the
 * container's), at the absolute lifetime, or when the user is logged out everywhere (both checked here on
 * every request, so on whichever node serves it). Authorization headers are never looked at.
 *
 * <p>What an anonymous visitor can make the server keep is bounded: only a safe request ({@code GET},
 * {@code HEAD}) is saved for after the login — by the FORM mechanism, which saves no body for it — in a
 * pre-login session that lives {@link #PRE_LOGIN_SECONDS}, if its URL and headers fit in
 * {@link #MAX_SAVED_REQUEST_CHARS} and this node has made fewer than {@code dualauth.session.pre-login-limit}
 * of them in the last ten minutes ({@link PreLoginBudget}); an anonymous unsafe request is refused and
 * creates nothing (so a cross-site POST, which arrives without the Lax cookie, cannot replace the
 * visitor's session cookie either). There is one login address, {@code POST /j_security_check}; the
 * credentials and the CSRF token are read from the body only, and a session id only from the cookie.
 *
 * <p>A logged-in session authenticates only a request that also carries its {@link SessionBinding} cookie
 * (256 random bits drawn at login): the session id alone is not enough. A request with the id and without
 * the binding is treated as anonymous and leaves the session as it is, so that a guessed id cannot log
 * its owner out either.
 */
@ApplicationScoped
public class SessionGate {

    public static final String LOGIN_ACTION = "/j_security_check";
    static final String HOME = "/web/";
    /**
     * How long a pre-login session (the saved request of an anonymous visitor) lives unless logged in: it
     * ends this long after its last use, and at its first use once it is this old, however often it is used.
     */
    static final int PRE_LOGIN_SECONDS = 300;
    /** The most of a request (URL and headers) that is saved for after the login; a larger one is not. */
    static final int MAX_SAVED_REQUEST_CHARS = 4096;
    private static final String LOGIN_ACTION_NAME = "j_security_check";
    private static final SecurityLog LOG = new SecurityLog(SessionGate.class);

    @Inject
    @FormAuthenticationMechanism
    HttpAuthenticationMechanism form;

    @Inject
    RevocationList revocations;

    @Inject
    AccountService accounts;

    @Inject
    SessionSettings settings;

    private SessionBinding binding;
    private PreLoginBudget preLogins;

    @PostConstruct
    void init() {
        binding = new SessionBinding(settings.secureCookie());
        // twice the most a pre-login session lives, and a bucket more: the ring counts 29 of its 30 buckets in full
        preLogins = new PreLoginBudget(settings.preLoginLimit(), (2 * PRE_LOGIN_SECONDS + 60) * 1000L);
    }

    public AuthenticationStatus validate(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        String path = RequestPaths.path(request);
        if (path.endsWith(LOGIN_ACTION_NAME) && !LOGIN_ACTION.equals(path)) {
            // The container's FORM mechanism would take any URI ending so for a login, past this gate.
            return refuse(response, HttpServletResponse.SC_NOT_FOUND);
        }
        if (request.isRequestedSessionIdFromURL()) {
            return refuse(response, HttpServletResponse.SC_BAD_REQUEST); // tracking is by cookie only
        }
        if (isLoginPostback(request)) {
            if (CrossSiteRequests.isCrossSite(request, settings.allowedOrigins())) {
                return forbidden(response);
            }
            if (!QueryParameters.readable(request)) {
                return refuse(response, HttpServletResponse.SC_BAD_REQUEST);
            }
            if (QueryParameters.containsAny(request, QueryParameters.LOGIN_FIELDS)) {
                return context.redirect(request.getContextPath() + LoginPages.LOGIN_ERROR);
            }
            SessionCaller presented = SessionCaller.of(request.getSession(false));
            if (presented != null && !binding.matches(request, presented.binding())) {
                // someone else's session, or one whose key this browser lost: it is left alone (a login would
                // change its id), the browser drops the cookie and logs in afresh
                response.addCookie(WebLogoutResource.expiredSessionCookie(
                        request.getServletContext().getSessionCookieConfig(), request.getContextPath()));
                return context.redirect(request.getContextPath() + LoginPages.LOGIN);
            }
            return login(request, response, context);
        }
        HttpSession session = request.getSession(false);
        SessionCaller caller = SessionCaller.of(session);
        if (caller != null && (caller.expiredAt(Instant.now())
                || revocations.loggedOutSince(caller.name(), caller.loggedInAt()))) {
            invalidate(session);
            // This request makes no new session: on WildFly a session made in the request that invalidated
            // another is never closed (its end-of-request hook looks only at the ended one), which leaks a
            // batch and a read lock of the session manager per such request. A page request is sent to
            // itself again: without a session, it is kept for after the login like any other.
            return isPageRequest(request) ? again(request, response) : refuseUnsafe(request, response);
        }
        if (caller == null) {
            return anonymous(request, response, context);
        }
        if (!binding.matches(request, caller.binding())) {
            LOG.warning("unbound-session", () -> "a session was presented without its binding cookie: not authenticated");
            return unbound(request, response);
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

    /**
     * Not logged in: a page request ({@code GET}, {@code HEAD}) is saved by the mechanism, which redirects to
     * the login page; any other is refused without a session ({@code 303} to the login page for a browser's
     * form, {@code 401} for scripts), so nothing of it is kept.
     */
    private AuthenticationStatus anonymous(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        if (!isPageRequest(request)) {
            return refuseUnsafe(request, response); // only a page request is ever kept for after the login
        }
        if (!QueryParameters.readable(request)) {
            return refuse(response, HttpServletResponse.SC_BAD_REQUEST);
        }
        boolean hadSession = request.getSession(false) != null;
        if (!hadSession && (!fitsSavedRequest(request) || !preLogins.tryTake(System.currentTimeMillis()))) {
            return toLoginPage(request, response); // nothing is kept: after the login, the visitor lands on /web/
        }
        AuthenticationStatus status = form.validateRequest(request, response, context);
        if (status == AuthenticationStatus.SUCCESS && context.getCallerPrincipal() != null) {
            // The mechanism restored the login it has just made, on the redirect to the saved request: the
            // session this request read does not show the gate's caller yet (it was read before the login
            // request stored it: on a node that has not yet received the session from the data grid, or on
            // WildFly before the login held its redirect back, see HeldRedirect). The caller is the one the
            // login verified.
            Caller.session(context.getCallerPrincipal().getName(), context.getGroups(),
                    new SessionInfo((int) settings.idleTimeout().toSeconds(), Instant.now().plus(settings.absoluteTimeout())))
                    .storeIn(request);
            return status;
        }
        HttpSession preLogin = request.getSession(false);
        if (preLogin != null && SessionCaller.of(preLogin) == null) {
            if (!hadSession) {
                preLogin.setMaxInactiveInterval(PRE_LOGIN_SECONDS);
            } else if (isOlderThan(preLogin, PRE_LOGIN_SECONDS)) {
                invalidate(preLogin); // kept alive by use: it ends all the same, so that the budget bounds the live ones
            }
        }
        if (status != AuthenticationStatus.SEND_CONTINUE && status != AuthenticationStatus.SEND_FAILURE) {
            // The mechanism let an anonymous page request through without a caller (seen on WildFly for a
            // request whose ended session the gate had just invalidated, when the mechanism had restored that
            // session's login once): the container would answer 403; an anonymous visitor goes to the login page.
            return toLoginPage(request, response);
        }
        return status;
    }

    private static boolean isPageRequest(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /** A request small enough to be kept for after the login (the mechanism saves its URL and headers). */
    static boolean fitsSavedRequest(HttpServletRequest request) {
        int chars = request.getRequestURI().length();
        String query = request.getQueryString();
        if (query != null) {
            chars += query.length();
        }
        for (var names = request.getHeaderNames(); names.hasMoreElements() && chars <= MAX_SAVED_REQUEST_CHARS; ) {
            String name = names.nextElement();
            for (var values = request.getHeaders(name); values.hasMoreElements(); ) {
                chars += name.length() + values.nextElement().length();
            }
        }
        return chars <= MAX_SAVED_REQUEST_CHARS;
    }

    private static boolean isOlderThan(HttpSession session, int seconds) {
        try {
            return System.currentTimeMillis() - session.getCreationTime() > seconds * 1000L;
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }

    /** A request other than a page request of someone not logged in: refused, and nothing of it kept. */
    private AuthenticationStatus refuseUnsafe(HttpServletRequest request, HttpServletResponse response)
            throws AuthenticationException {
        if (CrossSiteRequests.isCrossSite(request, settings.allowedOrigins())) {
            return forbidden(response);
        }
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("text/html")) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + LoginPages.LOGIN);
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return refuse(response, HttpServletResponse.SC_UNAUTHORIZED);
    }

    /**
     * A logged-in session presented without its binding: as for a visitor who is not logged in, except that
     * nothing is saved in (or changed on) the session, which belongs to someone else.
     */
    private AuthenticationStatus unbound(HttpServletRequest request, HttpServletResponse response)
            throws AuthenticationException {
        if (CsrfTokens.isUnsafe(request)) {
            return refuseUnsafe(request, response);
        }
        return toLoginPage(request, response);
    }

    /**
     * The same request again, by a redirect to its own path and query as the client sent them (a path of
     * this origin only: anything that is not a plain absolute path goes to the login page instead).
     */
    private static AuthenticationStatus again(HttpServletRequest request, HttpServletResponse response)
            throws AuthenticationException {
        String path = request.getRequestURI();
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.indexOf('\\') >= 0) {
            return toLoginPage(request, response);
        }
        String query = request.getQueryString();
        return redirect(response, query == null ? path : path + "?" + query);
    }

    /** The mechanism's redirect to the login page, without a session or a saved request. */
    private static AuthenticationStatus toLoginPage(HttpServletRequest request, HttpServletResponse response)
            throws AuthenticationException {
        return redirect(response, request.getContextPath() + LoginPages.LOGIN);
    }

    /** A {@code 302} to a path of this origin (made absolute by the container, as the mechanism's are). */
    private static AuthenticationStatus redirect(HttpServletResponse response, String path)
            throws AuthenticationException {
        try {
            response.sendRedirect(path);
        } catch (IOException e) {
            throw new AuthenticationException("cannot redirect", e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private AuthenticationStatus login(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        // A fresh session id on the login POST itself, before the mechanism answers (its redirect commits
        // the response, and the new cookie must go out with it): a session id known before the login can
        // never become an authenticated one (session fixation).
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        // The binding cookie goes out now too, for the same reason; it is kept in the session only if the
        // login succeeds (a failed one leaves the browser a value that binds nothing). A session already
        // logged in (with this browser's key: checked before) keeps its key, so that a failed login in it
        // does not end it.
        SessionCaller before = SessionCaller.of(request.getSession(false));
        String bindingValue = before != null && before.binding() != null ? before.binding() : SessionBinding.newValue();
        binding.send(request, response, bindingValue);
        // The mechanism's redirect is held back until the login is recorded in the session (HeldRedirect).
        HeldRedirect held = new HeldRedirect(context);
        AuthenticationStatus status;
        Optional<VerifiedLogin> verified;
        VerifiedLogin.expect();
        try {
            status = form.validateRequest(request, response, held);
        } catch (RuntimeException e) {
            if (!HashingBusy.in(e)) {
                throw e;
            }
            status = null; // a login flood: nothing was verified, the redirect below goes out at once
        } finally {
            verified = VerifiedLogin.take();
        }
        if (status == null) {
            return context.redirect(request.getContextPath() + LoginPages.LOGIN_ERROR); // try again
        }
        Principal principal = context.getCallerPrincipal();
        boolean authenticated = principal != null
                && (status == AuthenticationStatus.SUCCESS || status == AuthenticationStatus.SEND_CONTINUE);
        if (!authenticated) {
            return held.held() ? held.send() : context.redirect(request.getContextPath() + LoginPages.LOGIN_ERROR);
        }
        Instant now = Instant.now();
        // Logged in after any cut-off of the user, however close (cut-offs have whole seconds).
        Instant loggedInAt = revocations.issueTimeFor(principal.getName(), now);
        // Taken before asking whether the password and the account are still what the login verified: a
        // change that lands after the question cuts off at or after loggedInAt and ends this session; one
        // that landed while the password was being hashed refuses the login, and the session the mechanism
        // has just logged in goes with it (else the container would keep a login the gate never accepted).
        if (!accounts.stillAsVerified(verified)) {
            request.getSession().invalidate();
            return context.redirect(request.getContextPath() + LoginPages.LOGIN_ERROR); // not to the saved request
        }
        // A fresh CSRF token too; the session exists now (the mechanism keeps the login in it).
        HttpSession session = request.getSession();
        CsrfTokens.reset(session);
        session.setMaxInactiveInterval((int) settings.idleTimeout().toSeconds());
        new SessionCaller(principal.getName(), context.getGroups(), loggedInAt, now.plus(settings.absoluteTimeout()),
                bindingValue).storeIn(session);
        if (held.held()) {
            return held.send(); // to the page that asked for the login, now that the login is recorded
        }
        return context.redirect(request.getContextPath() + HOME);
    }

    private static AuthenticationStatus forbidden(HttpServletResponse response) throws AuthenticationException {
        return refuse(response, HttpServletResponse.SC_FORBIDDEN);
    }

    /** The short JSON error of {@code status} (the error page), and no further processing. */
    private static AuthenticationStatus refuse(HttpServletResponse response, int status) throws AuthenticationException {
        try {
            response.sendError(status);
        } catch (IOException e) {
            throw new AuthenticationException("cannot send " + status, e);
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
