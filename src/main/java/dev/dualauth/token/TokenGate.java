package dev.dualauth.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The way into {@code /api/**}: a bearer token, verified by the container's MicroProfile JWT mechanism.
 * Session cookies are never looked at. Every rejection is a {@code 401} with an RFC 6750
 * {@code WWW-Authenticate: Bearer} challenge ({@link BearerChallenge}), which the container's mechanism
 * does not send by itself.
 */
@ApplicationScoped
public class TokenGate {

    static final String AUTHORIZATION = "Authorization";
    static final String SCHEME = "Bearer";
    /** Far above any token we issue; longer headers are rejected before parsing. */
    static final int MAX_AUTHORIZATION_LENGTH = 8192;

    /** The container's MP-JWT mechanism: both Payara and WildFly register it as the default mechanism. */
    @Inject
    HttpAuthenticationMechanism mpJwt;

    public AuthenticationStatus validate(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        String authorization = request.getHeader(AUTHORIZATION);
        if (authorization == null) {
            return reject(request, context, BearerChallenge.MISSING);
        }
        if (authorization.length() > MAX_AUTHORIZATION_LENGTH || !hasBearerScheme(authorization)
                || authorization.substring(SCHEME.length() + 1).isBlank()) {
            return reject(request, context, BearerChallenge.INVALID_REQUEST);
        }
        AuthenticationStatus status = mpJwt.validateRequest(normalised(request, authorization), response, context);
        if (status == AuthenticationStatus.SUCCESS) {
            return status;
        }
        // The container's mechanism has already sent its bare 401; the error page adds the challenge.
        return reject(request, context, BearerChallenge.INVALID_TOKEN);
    }

    private static boolean hasBearerScheme(String authorization) {
        return authorization.length() > SCHEME.length()
                && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && authorization.charAt(SCHEME.length()) == ' ';
    }

    /** The scheme name is case-insensitive (RFC 9110 §11.1); the container's mechanism only knows "Bearer ". */
    private static HttpServletRequest normalised(HttpServletRequest request, String authorization) {
        if (authorization.startsWith(SCHEME + " ")) {
            return request;
        }
        String canonical = SCHEME + " " + authorization.substring(SCHEME.length() + 1).strip();
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return AUTHORIZATION.equalsIgnoreCase(name) ? canonical : super.getHeader(name);
            }
        };
    }

    private static AuthenticationStatus reject(HttpServletRequest request, HttpMessageContext context, String error) {
        BearerChallenge.record(request, error);
        return context.getResponse().isCommitted() ? AuthenticationStatus.SEND_FAILURE : context.responseUnauthorized();
    }
}
