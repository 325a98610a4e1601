package dev.dualauth.caller;

import dev.dualauth.account.AccountService;
import dev.dualauth.account.PasswordPolicy;
import dev.dualauth.account.Roles;
import dev.dualauth.session.SessionInfo;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code /web/me} and {@code /api/me}: who the caller is, changing their password, and logging out
 * everywhere. Both changes end the caller's other logins through the account events.
 */
@Path("me")
@RequestScoped
@DenyAll
public class MeResource {

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @Inject
    AccountService accounts;

    @GET
    @RolesAllowed(Roles.USER)
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        Principal principal = security.getUserPrincipal();
        String via = via(principal);
        return new Me(principal.getName(), Roles.ALL.stream().filter(security::isUserInRole).toList(), via,
                Me.VIA_SESSION.equals(via) ? SessionInfo.of(request) : null);
    }

    /** Every other session and every token of the caller stop working; a session caller stays logged in. */
    @POST
    @Path("password")
    @RolesAllowed(Roles.USER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(PasswordChange change) {
        if (change == null || change.current() == null || change.replacement() == null) {
            throw new BadRequestException("current and new are required");
        }
        Principal principal = security.getUserPrincipal();
        String keep = Me.VIA_SESSION.equals(via(principal)) ? currentSessionId() : null;
        return switch (accounts.changePassword(principal.getName(), change.current().toCharArray(),
                change.replacement(), keep)) {
            case DONE -> Response.noContent().build();
            case WRONG_PASSWORD -> throw new BadRequestException("the current password is wrong");
            case INVALID -> throw new BadRequestException(PasswordPolicy.problem(change.replacement()).orElse("invalid"));
            default -> throw new BadRequestException("the password cannot be changed");
        };
    }

    /** Every session and every token of the caller stop working, this one included. */
    @POST
    @Path("logout-all")
    @RolesAllowed(Roles.USER)
    public Response logoutEverywhere() {
        accounts.logoutEverywhere(security.getUserPrincipal().getName());
        return Response.noContent().build();
    }

    private String currentSessionId() {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }

    private static String via(Principal principal) {
        return principal instanceof JsonWebToken ? Me.VIA_JWT : Me.VIA_SESSION;
    }
}
