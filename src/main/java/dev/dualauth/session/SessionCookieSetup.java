package dev.dualauth.session;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * With {@code dualauth.session.secure-cookie=true} (production, served over HTTPS) the session cookie is
 * {@code Secure} and named {@code __Host-JSESSIONID}: the prefix makes browsers refuse it unless it is
 * Secure, host-only and for path {@code /}. HttpOnly, SameSite and cookie-only tracking are set in the
 * descriptors for every deployment.
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

    public static final String SECURE_NAME = "__Host-JSESSIONID";

    @Inject
    SessionSettings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (settings.secureCookie()) {
            secure(event.getServletContext().getSessionCookieConfig());
        }
    }

    static void secure(SessionCookieConfig cookie) {
        cookie.setName(SECURE_NAME);
        cookie.setSecure(true);
        cookie.setPath("/");
        cookie.setDomain(null);
        cookie.setHttpOnly(true);
    }
}
