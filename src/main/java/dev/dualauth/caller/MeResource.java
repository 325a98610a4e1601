package dev.dualauth.caller;

import dev.dualauth.account.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code GET /web/me} and {@code GET /api/me}. */
@Path("me")
@RequestScoped
@DenyAll
public class MeResource {

    @Context
    SecurityContext security;

    @GET
    @RolesAllowed(Roles.USER)
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        Principal principal = security.getUserPrincipal();
        String via = principal instanceof JsonWebToken ? Me.VIA_JWT : Me.VIA_SESSION;
        return new Me(principal.getName(), Roles.ALL.stream().filter(security::isUserInRole).toList(), via);
    }
}
