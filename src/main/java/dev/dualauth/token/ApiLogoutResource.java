package dev.dualauth.token;

import dev.dualauth.account.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code POST /api/logout}: the presented access token and its refresh family stop working at once. */
@Path("logout")
@RequestScoped
@DenyAll
public class ApiLogoutResource {

    @Inject
    TokenService tokens;

    @Context
    SecurityContext security;

    @POST
    @RolesAllowed(Roles.USER)
    public Response logout() {
        if (security.getUserPrincipal() instanceof JsonWebToken jwt) {
            tokens.logout(jwt.getTokenID(), Instant.ofEpochSecond(jwt.getExpirationTime()), TokenRules.familyOf(jwt));
        }
        return Response.noContent().build();
    }
}
