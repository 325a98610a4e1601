package dev.dualauth.token.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ResponseMode;
import dev.dualauth.account.Roles;
import dev.dualauth.security.Caller;
import dev.dualauth.security.NoStore;
import dev.dualauth.token.code.AuthorizationCodeStore;
import dev.dualauth.token.code.CodeBinding;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * {@code GET /auth/authorize}: the authorization endpoint (RFC 6749 §4.1.1, OAuth 2.1 §4.1.1), whose login
 * is the session path's. The request was checked before the login (by the mechanism handler, with
 * {@link AuthorizationRequests}); without a session the FORM login ran and brought the browser back here.
 * Now a single-use code bound to the client, the redirect URI, the user and the PKCE challenge goes back to
 * the client. First-party clients only, so there is no consent screen.
 */
@Path("auth/authorize")
@RequestScoped
public class AuthorizeEndpoint {

    @Inject
    AuthorizationRequests requests;

    @Inject
    AuthorizationCodeStore codes;

    @Inject
    OAuthSettings settings;

    @Context
    HttpServletRequest request;

    @GET
    @RolesAllowed(Roles.USER)
    public Response authorize() {
        AuthorizationRequests.Check check = requests.check(request.getQueryString());
        if (check instanceof AuthorizationRequests.Check.Redirect redirect) {
            return NoStore.on(Response.status(Response.Status.FOUND).location(redirect.location())).build();
        }
        if (!(check instanceof AuthorizationRequests.Check.Valid valid)) {
            // Cannot happen: the handler answered it before the login. Never a redirect.
            return NoStore.on(Response.status(Response.Status.BAD_REQUEST)).build();
        }
        Caller caller = Caller.of(request);
        String code = codes.issue(new CodeBinding(valid.client().id(), valid.redirectUri(), caller.name(),
                valid.codeChallenge()), settings.codeTtl());
        URI location = new AuthorizationSuccessResponse(URI.create(valid.redirectUri()), new AuthorizationCode(code),
                null, valid.state(), requests.issuer(), ResponseMode.QUERY).toURI();
        return NoStore.on(Response.status(Response.Status.FOUND).location(location)).build();
    }
}
