package dev.dualauth.app;

import dev.dualauth.security.AcceptHeader;
import dev.dualauth.security.Cors;
import dev.dualauth.security.CorsSettings;
import dev.dualauth.security.HostSettings;
import dev.dualauth.security.QueryStrings;
import dev.dualauth.security.RequestBodies;
import dev.dualauth.security.RequestPaths;
import dev.dualauth.security.SecurityHeaders;
import dev.dualauth.session.SessionGate;
import dev.dualauth.token.TokenGate;
import dev.dualauth.token.oauth.AuthorizationRequests;
import dev.dualauth.token.oauth.OAuthSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Chooses one authentication mechanism per request, by path: bearer tokens for {@code /api/**}, the
 * session for {@code /web/**}, the login POST and the authorization endpoint (whose login is the session
 * login), none for the public rest. Each path's gate ignores the other path's credentials, so a cookie
 * never authenticates {@code /api} and a token never {@code /web}.
 *
 * <p>It also sets the security headers of every response ({@link SecurityHeaders}), answers CORS for the
 * token path ({@link Cors}: before the token gate, since a preflight carries no token), and refuses a bad
 * authorization request before anyone is asked to log in ({@link AuthorizationRequests}).
 *
 * <p>An enabled alternative, because the container looks up the handler by type and its own default
 * handler (which cannot choose between two mechanisms) must lose.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class PathRoutingHandler implements HttpAuthenticationMechanismHandler {

    public static final String API = "/api";
    public static final String WEB = "/web";

    @Inject
    TokenGate tokens;

    @Inject
    SessionGate sessions;

    @Inject
    AuthorizationRequests authorizations;

    @Inject
    CorsSettings cors;

    @Inject
    HostSettings hosts;

    @Inject
    OAuthSettings oauth;

    private SecurityHeaders headers;

    @PostConstruct
    void init() {
        headers = new SecurityHeaders(oauth.redirectOrigins());
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        String path = RequestPaths.path(request);
        boolean api = RequestPaths.isUnder(path, API);
        boolean authorize = AuthorizationRequests.PATH.equals(path);
        boolean web = RequestPaths.isUnder(path, WEB) || SessionGate.LOGIN_ACTION.equals(path);
        headers.apply(response, request.isSecure(), api || web || authorize, path);
        if (!hosts.allows(request.getHeader("Host"))) {
            return refused(response, HttpServletResponse.SC_BAD_REQUEST); // a URL built from it would name another host
        }
        if (!QueryStrings.wellFormed(request.getQueryString())) {
            return refused(response, HttpServletResponse.SC_BAD_REQUEST); // Jersey would meet it with a 500
        }
        if (!AcceptHeader.validQualities(request.getHeaders("Accept"))) {
            return refused(response, HttpServletResponse.SC_BAD_REQUEST); // the runtimes would meet it with a 500
        }
        int refusal = RequestBodies.refusal(request);
        if (refusal != 0) {
            return refused(response, refusal);
        }
        Cors.Kind shared = api ? Cors.Kind.API : sharedKind(path);
        if (shared != null && Cors.apply(request, response, shared, cors)) {
            return answered(response);
        }
        if (api) {
            return tokens.validate(request, response, context);
        }
        if (authorize) {
            return authorizeRequest(request, response, context);
        }
        if (web) {
            return sessions.validate(request, response, context);
        }
        return context.doNothing();
    }

    /** A bad authorization request is answered at once; a good one needs the session login. */
    private AuthenticationStatus authorizeRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        try {
            if (authorizations.answerIfInvalid(request, response)) {
                return AuthenticationStatus.SEND_FAILURE;
            }
        } catch (IOException e) {
            throw new AuthenticationException("cannot answer the authorization request", e);
        }
        return sessions.validate(request, response, context);
    }

    /** The public paths of the token path that other origins may call. */
    private static Cors.Kind sharedKind(String path) {
        if ("/auth/token".equals(path) || "/auth/revoke".equals(path)) {
            return Cors.Kind.OAUTH;
        }
        return RequestPaths.isUnder(path, "/.well-known") ? Cors.Kind.METADATA : null;
    }

    /** The error page's short JSON for {@code status}; the request goes no further. */
    private static AuthenticationStatus refused(HttpServletResponse response, int status) throws AuthenticationException {
        try {
            response.sendError(status);
        } catch (IOException e) {
            throw new AuthenticationException("cannot send " + status, e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus answered(HttpServletResponse response) throws AuthenticationException {
        try {
            response.setContentLength(0);
            response.flushBuffer();
        } catch (IOException e) {
            throw new AuthenticationException("cannot answer the preflight", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
