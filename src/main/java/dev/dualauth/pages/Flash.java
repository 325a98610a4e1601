package dev.dualauth.pages;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;

/**
 * The outcome of a form POST, kept in the session until the page that the POST redirects to shows it
 * once (post/redirect/get). Only the server's own fixed sentences, never anything the user sent.
 * Small and serializable, like everything else in a distributable session.
 */
record Flash(boolean failed, String message) implements Serializable {

    static final String ATTRIBUTE = Flash.class.getName();

    static Flash done(String message) {
        return new Flash(false, message);
    }

    static Flash failure(String message) {
        return new Flash(true, message);
    }

    void storeIn(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }

    /** The message left for this page view, removed so that a reload does not show it again; or null. */
    static Flash takeFrom(HttpSession session) {
        if (session.getAttribute(ATTRIBUTE) instanceof Flash flash) {
            session.removeAttribute(ATTRIBUTE);
            return flash;
        }
        return null;
    }
}
