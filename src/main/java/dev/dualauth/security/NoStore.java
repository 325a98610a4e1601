package dev.dualauth.security;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * {@code Cache-Control: no-store}, the one way every answer that carries credentials, personal data or an
 * error is kept out of caches (RFC 9111 §5.2.2.5; RFC 6749 §5.1 for tokens).
 */
public final class NoStore {

    public static final String VALUE = "no-store";

    private NoStore() {
    }

    public static void on(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, VALUE);
    }

    public static Response.ResponseBuilder on(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, VALUE);
    }
}
