package dev.dualauth.session;

import dev.dualauth.security.RequestPaths;
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
import java.security.Principal;

/**
 * The way into {@code /web/**}: the container's FORM mechanism for the login dialog, then the caller kept
 * in the session. Authorization headers are never looked at.
 */
@ApplicationScoped
public class SessionGate {

    public static final String LOGIN_ACTION = "/j_security_check";
    static final String HOME = "/web/";

    @Inject
    @FormAuthenticationMechanism
    HttpAuthenticationMechanism form;

    @Inject
    SessionRegistry registry;

    public AuthenticationStatus validate(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        if (isLoginPostback(request)) {
            return login(request, response, context);
        }
        SessionCaller caller = SessionCaller.of(request.getSession(false));
        if (caller != null) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        // Not logged in: on a protected page the mechanism saves the request and redirects to the login page.
        return form.validateRequest(request, response, context);
    }

    private AuthenticationStatus login(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        AuthenticationStatus status = form.validateRequest(request, response, context);
        Principal principal = context.getCallerPrincipal();
        boolean authenticated = principal != null
                && (status == AuthenticationStatus.SUCCESS || status == AuthenticationStatus.SEND_CONTINUE);
        if (!authenticated) {
            return response.containsHeader("Location") ? status
                    : context.redirect(request.getContextPath() + LoginPages.LOGIN_ERROR);
        }
        // A fresh session id on the login POST itself defeats session fixation.
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession();
        new SessionCaller(principal.getName(), context.getGroups()).storeIn(session);
        registry.register(principal.getName(), session);
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            return status; // the mechanism is redirecting to the page that asked for the login
        }
        return context.redirect(request.getContextPath() + HOME);
    }

    private static boolean isLoginPostback(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && LOGIN_ACTION.equals(RequestPaths.path(request));
    }
}
