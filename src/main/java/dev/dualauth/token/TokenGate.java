package dev.dualauth.token;

import dev.dualauth.revocation.RevocationList;
import dev.dualauth.security.Caller;
import dev.dualauth.token.keys.KeyRing;
import dev.dualauth.token.keys.TokenSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The way into {@code /api/**}: a bearer token that passes our {@link TokenRules} (the checks the
 * container skips, and revocation) and then the container's MicroProfile JWT mechanism (signature, its
 * own claim checks). A token verified before is found in {@link VerifiedTokenCache} instead, and only its
 * expiry and the revocation list are checked again. Session cookies are never looked at. Every refusal is a {@code 401} with an RFC 6750
 * {@code WWW-Authenticate: Bearer} challenge ({@link BearerChallenge}) and is counted by reason.
 */
@ApplicationScoped
public class TokenGate {

    static final String AUTHORIZATION = "Authorization";
    static final String SCHEME = "Bearer";
    /** Longer headers are refused before any parsing. */
    static final int MAX_AUTHORIZATION_LENGTH = SCHEME.length() + 1 + TokenRules.MAX_TOKEN_LENGTH;

    /** The container's MP-JWT mechanism: both Payara and WildFly register it as the default mechanism. */
    @Inject
    HttpAuthenticationMechanism mpJwt;

    @Inject
    RevocationList revocations;

    @Inject
    RejectionCounter rejections;

    @Inject
    VerifiedTokenCache verified;

    private TokenRules rules;
    private Duration clockSkew;

    @Inject
    TokenSettings settings;

    @PostConstruct
    void init() {
        rules = new TokenRules(settings, KeyRing.current(), revocations);
        clockSkew = settings.clockSkew();
    }

    public AuthenticationStatus validate(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        String authorization = request.getHeader(AUTHORIZATION);
        if (authorization == null) {
            return reject(request, context, Rejection.MISSING, BearerChallenge.MISSING);
        }
        if (authorization.length() > MAX_AUTHORIZATION_LENGTH) {
            return reject(request, context, Rejection.TOO_LARGE, BearerChallenge.INVALID_TOKEN);
        }
        if (!hasBearerScheme(authorization) || authorization.substring(SCHEME.length() + 1).isBlank()) {
            return reject(request, context, Rejection.MALFORMED, BearerChallenge.INVALID_REQUEST);
        }
        String token = authorization.substring(SCHEME.length() + 1).strip();
        Instant now = Instant.now();
        VerifiedTokenCache.Entry known = verified.find(token, now.minus(clockSkew));
        if (known != null) {
            if (revocations.isRevoked(known.jti(), known.familyId(), known.subject(), known.issuedAt())) {
                return reject(request, context, Rejection.REVOKED, BearerChallenge.INVALID_TOKEN);
            }
            context.getClientSubject().getPrincipals().add(known.principal());
            AuthenticationStatus status = context.notifyContainerAboutLogin(known.principal(), known.caller().groups());
            if (status == AuthenticationStatus.SUCCESS) {
                known.caller().storeIn(request);
            }
            return status;
        }
        Optional<Rejection> refused = rules.check(token, now);
        if (refused.isPresent()) {
            return reject(request, context, refused.get(), BearerChallenge.INVALID_TOKEN);
        }
        AuthenticationStatus status = mpJwt.validateRequest(normalised(request, authorization, token), response, context);
        if (status == AuthenticationStatus.SUCCESS) {
            Caller caller = Caller.bearer(context.getCallerPrincipal().getName(), context.getGroups());
            caller.storeIn(request);
            if (context.getCallerPrincipal() instanceof JsonWebToken jwt) {
                remember(token, jwt, caller, now);
            }
            return status;
        }
        // The container's mechanism has already sent its bare 401; the error page adds the challenge.
        return reject(request, context, Rejection.SIGNATURE, BearerChallenge.INVALID_TOKEN);
    }

    /** Caches what the container verified, so the next request with this token skips the signature check. */
    private void remember(String token, JsonWebToken jwt, Caller caller, Instant now) {
        if (verified.enabled()) {
            verified.put(token, new VerifiedTokenCache.Entry(jwt, caller, jwt.getTokenID(),
                    TokenRules.familyOf(jwt), jwt.getSubject(), Instant.ofEpochSecond(jwt.getIssuedAtTime()),
                    Instant.ofEpochSecond(jwt.getExpirationTime())), now);
        }
    }

    private static boolean hasBearerScheme(String authorization) {
        return authorization.length() > SCHEME.length()
                && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && authorization.charAt(SCHEME.length()) == ' ';
    }

    /** The scheme name is case-insensitive (RFC 9110 §11.1); the container's mechanism only knows "Bearer ". */
    private static HttpServletRequest normalised(HttpServletRequest request, String authorization, String token) {
        if (authorization.equals(SCHEME + " " + token)) {
            return request;
        }
        String canonical = SCHEME + " " + token;
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return AUTHORIZATION.equalsIgnoreCase(name) ? canonical : super.getHeader(name);
            }
        };
    }

    private AuthenticationStatus reject(HttpServletRequest request, HttpMessageContext context, Rejection reason,
            String error) {
        rejections.record(reason);
        BearerChallenge.record(request, error);
        return context.getResponse().isCommitted() ? AuthenticationStatus.SEND_FAILURE : context.responseUnauthorized();
    }
}
