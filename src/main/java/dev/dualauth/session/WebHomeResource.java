package dev.dualauth.session;

import dev.dualauth.account.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** {@code GET /web/}: where a login lands when no page asked for it, with a visible way to log out. */
@Path("")
@RequestScoped
@DenyAll
public class WebHomeResource {

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    @RolesAllowed(Roles.USER)
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response home() {
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>dualauth</title></head>
                <body><main>
                <h1>Signed in</h1>
                <p>You are signed in with a session. Your data: <a href="me">me</a>, <a href="notes">notes</a>.</p>
                <form method="post" action="logout">
                  <input type="hidden" name="%s" value="%s">
                  <button type="submit">Sign out</button>
                </form>
                </main></body>
                </html>
                """.formatted(CsrfTokens.FORM_FIELD, CsrfTokens.of(request.getSession()));
        return Response.ok(html).build();
    }
}
