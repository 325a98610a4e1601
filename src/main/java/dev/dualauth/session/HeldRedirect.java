package dev.dualauth.session;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;

/**
 * The message context the FORM mechanism answers a login POST through, holding back its redirect (to the
 * saved request, or to the error page) until the gate has finished the login. A redirect sent at once
 * reaches the browser while the login is still being recorded in the session (WildFly's Undertow sends
 * it when it is asked to, not when the request ends), and the browser's next request then finds a
 * session the mechanism has logged in and the gate not yet.
 *
 * <p>The context, not the response, is wrapped: the mechanism redirects through the context, and WildFly's
 * Elytron refuses a replaced response message on anything but a successful authentication.
 */
final class HeldRedirect extends HttpMessageContextWrapper {

    private String location;

    HeldRedirect(HttpMessageContext context) {
        super(context);
    }

    @Override
    public AuthenticationStatus redirect(String location) {
        this.location = location;
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /** True if the mechanism asked for a redirect. */
    boolean held() {
        return location != null;
    }

    /** Sends the redirect the mechanism asked for. */
    AuthenticationStatus send() {
        return getWrapped().redirect(location);
    }
}
