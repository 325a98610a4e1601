package dev.dualauth.token.oauth;

import static dev.dualauth.security.FormParameters.single;
import static dev.dualauth.token.oauth.OAuthError.INVALID_GRANT;
import static dev.dualauth.token.oauth.OAuthError.INVALID_REQUEST;
import static dev.dualauth.token.oauth.OAuthError.UNSUPPORTED_GRANT_TYPE;

import dev.dualauth.account.AccountNames;
import dev.dualauth.account.HashingBusy;
import dev.dualauth.account.LoginThrottle;
import dev.dualauth.account.VerifiedLogin;
import dev.dualauth.token.TokenRules;
import dev.dualauth.token.TokenService;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code POST /auth/token}: the OAuth 2 token endpoint — the authorization code grant with PKCE (RFC 6749
 * §4.1.3, RFC 7636 §4.5), the refresh grant with rotation (§6, RFC 9700 §4.14.2), and the password grant
 * (§4.3) only where it is switched on ({@code dualauth.oauth.password-grant}; RFC 9700 §2.4 and OAuth 2.1
 * drop it). Passwords are checked by the same identity store as the FORM login, through the container's
 * identity store handler.
 */
@Path("auth/token")
@RequestScoped
@PermitAll
public class TokenEndpoint extends FormEndpoint {

    static final String GRANT_CODE = "authorization_code";
    static final String GRANT_PASSWORD = "password";
    static final String GRANT_REFRESH = "refresh_token";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    TokenService tokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    OAuthSettings settings;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(MultivaluedMap<String, String> form) {
        String grantType = single(form, "grant_type");
        if (grantType == null) {
            return OAuthError.of(INVALID_REQUEST, "grant_type is required, once");
        }
        if (!settings.grantTypes().contains(grantType)) {
            return OAuthError.of(UNSUPPORTED_GRANT_TYPE, "supported: " + String.join(", ", settings.grantTypes()));
        }
        return switch (grantType) {
            case GRANT_CODE -> codeGrant(form);
            case GRANT_PASSWORD -> passwordGrant(form);
            default -> refreshGrant(form);
        };
    }

    private Response codeGrant(MultivaluedMap<String, String> form) {
        String code = single(form, "code");
        String redirectUri = single(form, "redirect_uri");
        String clientId = single(form, "client_id");
        String verifier = single(form, "code_verifier");
        if (code == null || redirectUri == null || clientId == null || verifier == null
                || code.length() > TokenRules.MAX_TOKEN_LENGTH) {
            return OAuthError.of(INVALID_REQUEST, "code, redirect_uri, client_id and code_verifier are required, once each");
        }
        if (settings.client(clientId).isEmpty()) {
            return OAuthError.invalidClient();
        }
        return tokens.authorizationCodeGrant(code, clientId, redirectUri, verifier)
                .map(TokenEndpoint::granted)
                .orElseGet(() -> OAuthError.of(INVALID_GRANT, "the authorization code is not valid"));
    }

    private Response passwordGrant(MultivaluedMap<String, String> form) {
        String username = single(form, "username");
        String password = single(form, "password");
        if (username == null || password == null) {
            return OAuthError.of(INVALID_REQUEST, "username and password are required, once each");
        }
        if (!AccountNames.mayLogIn(username)) {
            return OAuthError.of(INVALID_GRANT, "wrong user name or password"); // no account can have it
        }
        Optional<Duration> wait = throttle.retryAfter(username);
        if (wait.isPresent()) {
            return OAuthError.tooManyAttempts(wait.get());
        }
        CredentialValidationResult result;
        Optional<VerifiedLogin> verified;
        VerifiedLogin.expect();
        try {
            result = identityStores.validate(new UsernamePasswordCredential(username, new Password(password)));
        } catch (RuntimeException e) {
            if (HashingBusy.in(e)) {
                return OAuthError.busy();
            }
            throw e;
        } finally {
            verified = VerifiedLogin.take();
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return OAuthError.of(INVALID_GRANT, "wrong user name or password");
        }
        // The password or the account changed while it was being checked: the answer for a wrong password.
        return tokens.passwordGrant(result.getCallerPrincipal().getName(), result.getCallerGroups(), verified)
                .map(TokenEndpoint::granted)
                .orElseGet(() -> OAuthError.of(INVALID_GRANT, "wrong user name or password"));
    }

    private Response refreshGrant(MultivaluedMap<String, String> form) {
        String refreshToken = single(form, "refresh_token");
        if (refreshToken == null || refreshToken.length() > TokenRules.MAX_TOKEN_LENGTH) {
            return OAuthError.of(INVALID_REQUEST, "refresh_token is required, once");
        }
        return tokens.refreshGrant(refreshToken)
                .map(TokenEndpoint::granted)
                .orElseGet(() -> OAuthError.of(INVALID_GRANT, "the refresh token is not valid"));
    }

    private static Response granted(TokenService.Grant grant) {
        return OAuthError.json(Response.ok(), Json.createObjectBuilder()
                .add("access_token", grant.access().value())
                .add("token_type", "Bearer")
                .add("expires_in", grant.access().expiresIn())
                .add("refresh_token", grant.refreshToken())
                .build().toString());
    }
}
