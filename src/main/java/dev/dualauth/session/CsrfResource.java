package dev.dualauth.session;

import dev.dualauth.account.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /web/csrf}: {@code {"header":"X-CSRF-Token","token":"…"}}, the session's CSRF token. */
@Path("csrf")
@RequestScoped
@DenyAll
public class CsrfResource {

    @Context
    HttpServletRequest request;

    @GET
    @RolesAllowed(Roles.USER)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token() {
        String body = Json.createObjectBuilder()
                .add("header", CsrfTokens.HEADER)
                .add("token", CsrfTokens.of(request.getSession()))
                .build().toString();
        return Response.ok(body).build();
    }
}
