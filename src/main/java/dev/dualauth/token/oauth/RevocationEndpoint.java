package dev.dualauth.token.oauth;

import dev.dualauth.security.FormParameters;
import dev.dualauth.security.NoStore;
import dev.dualauth.token.TokenService;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /auth/revoke} (RFC 7009): form field {@code token}, an access or a refresh token. Always
 * {@code 200} for a well-formed request, also for unknown tokens, so the answer tells nothing.
 */
@Path("auth/revoke")
@RequestScoped
@PermitAll
public class RevocationEndpoint extends FormEndpoint {

    @Inject
    TokenService tokens;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(MultivaluedMap<String, String> form) {
        String token = FormParameters.single(form, "token");
        if (token == null) {
            return OAuthError.of(OAuthError.INVALID_REQUEST, "token is required, once");
        }
        tokens.revoke(token);
        return NoStore.on(Response.ok()).build();
    }
}
