package dev.dualauth.caller;

import dev.dualauth.account.AccountService;
import dev.dualauth.account.PasswordPolicy;
import dev.dualauth.account.Roles;
import dev.dualauth.security.Caller;
import dev.dualauth.security.InvalidInput;
import dev.dualauth.security.JsonFields;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /web/me} and {@code /api/me}: who the caller is, changing their password, and logging out
 * everywhere. Both changes end the caller's other logins through the account events.
 */
@Path("me")
// One instance for both applications, created once. The request is CDI's built-in bean (a proxy to the
// current one), not a JAX-RS @Context field, which would keep the proxies of whichever application injected
// it first. A request-scoped resource costs a bean creation and field injection per request, and @Context
// parameters a lookup each (measured in docs/benchmarks.md).
@ApplicationScoped
@DenyAll
public class MeResource {

    @Inject
    HttpServletRequest request;

    @Inject
    AccountService accounts;

    @GET
    @RolesAllowed(Roles.USER)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject me() {
        return Me.of(Caller.of(request)).toJson();
    }

    /** Every other session and every token of the caller stop working; a session caller stays logged in. */
    @POST
    @Path("password")
    @RolesAllowed(Roles.USER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(String body) {
        PasswordChange change = PasswordChange.of(JsonFields.object(body));
        if (change.current() == null || change.replacement() == null) {
            throw new InvalidInput("current and new are required");
        }
        Caller caller = Caller.of(request);
        String keep = caller.viaJwt() ? null : currentSessionId();
        return switch (accounts.changePassword(caller.name(), change.current().toCharArray(),
                change.replacement(), keep)) {
            case DONE -> Response.noContent().build();
            case WRONG_PASSWORD -> throw new InvalidInput("the current password is wrong");
            case INVALID -> throw new InvalidInput(PasswordPolicy.problem(change.replacement(), caller.name()).orElse("invalid"));
            default -> throw new InvalidInput("the password cannot be changed");
        };
    }

    /**
     * Every session and every token of the caller stop working, this one included. {@code 204} for
     * scripts; a browser's form post on the session path (which accepts HTML) goes to the login page.
     */
    @POST
    @Path("logout-all")
    @RolesAllowed(Roles.USER)
    public Response logoutEverywhere(@Context UriInfo uri) {
        Caller caller = Caller.of(request);
        accounts.logoutEverywhere(caller.name());
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (!caller.viaJwt() && accept != null && accept.contains(MediaType.TEXT_HTML)) {
            // The login page of the session path (dev.dualauth.session.LoginPages.LOGIN); absolute, as for /web/logout.
            return Response.seeOther(uri.getBaseUriBuilder().replacePath(request.getContextPath() + "/login").build())
                    .build();
        }
        return Response.noContent().build();
    }

    private String currentSessionId() {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }
}
