package dev.dualauth.app;

import dev.dualauth.security.RequestPaths;
import dev.dualauth.security.SecurityHeaders;
import dev.dualauth.session.SessionGate;
import dev.dualauth.token.TokenGate;
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

/**
 * Chooses one authentication mechanism per request, by path: bearer tokens for {@code /api/**}, the
 * session for {@code /web/**} and the login POST, none for the public rest. Each path's gate ignores the
 * other path's credentials, so a cookie never authenticates {@code /api} and a token never {@code /web}.
 *
 * <p>It also sets the security headers of every response ({@link SecurityHeaders}).
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

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        String path = RequestPaths.path(request);
        boolean api = RequestPaths.isUnder(path, API);
        boolean web = RequestPaths.isUnder(path, WEB) || SessionGate.LOGIN_ACTION.equals(path);
        SecurityHeaders.apply(response, request.isSecure(), api || web);
        if (api) {
            return tokens.validate(request, response, context);
        }
        if (web) {
            return sessions.validate(request, response, context);
        }
        return context.doNothing();
    }
}
