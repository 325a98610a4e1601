package dev.dualauth.session;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Keeps the {@link SessionRegistry} free of sessions that timed out or were invalidated. */
@WebListener
public class SessionEndListener implements HttpSessionListener {

    @Inject
    SessionRegistry registry;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        registry.forget(event.getSession());
    }
}
