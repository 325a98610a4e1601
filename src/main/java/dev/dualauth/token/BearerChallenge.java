package dev.dualauth.token;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The RFC 6750 §3 challenge of a rejected {@code /api} request. The gate records why it rejected; the
 * container then sends its 401 through the error page, which calls {@link #write} — the one place where
 * headers can still be set after the container's MP-JWT mechanism has sent its bare 401.
 */
public final class BearerChallenge {

    static final String ATTRIBUTE = BearerChallenge.class.getName();
    static final String REALM = "Bearer realm=\"dualauth\"";

    /** No credentials at all: RFC 6750 §3.1 says not to name an error. */
    static final String MISSING = "unauthorized";
    static final String INVALID_REQUEST = "invalid_request";
    static final String INVALID_TOKEN = "invalid_token";

    private BearerChallenge() {
    }

    static void record(HttpServletRequest request, String error) {
        request.setAttribute(ATTRIBUTE, error);
    }

    /**
     * Adds the challenge if the request was rejected by the token gate, and returns the error code for the
     * body, or null when the request was not a bearer rejection.
     */
    public static String write(HttpServletRequest request, HttpServletResponse response) {
        Object error = request.getAttribute(ATTRIBUTE);
        if (!(error instanceof String code)) {
            return null;
        }
        response.setHeader("WWW-Authenticate", MISSING.equals(code) ? REALM : REALM + ", error=\"" + code + "\"");
        return code;
    }
}
