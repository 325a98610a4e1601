package dev.dualauth.admin;

import dev.dualauth.account.Account;
import dev.dualauth.account.AccountService;
import dev.dualauth.account.AccountTable;
import dev.dualauth.account.Roles;
import dev.dualauth.security.Caller;
import dev.dualauth.security.InvalidInput;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * {@code /web/admin/accounts} and {@code /api/admin/accounts} (role admin): one class mounted under both
 * paths. Lists, shows, creates, disables and enables accounts; disabling one ends all of its logins at once.
 */
@Path("admin/accounts")
// Created once for both applications; the caller is the one the path's gate stored (see MeResource).
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class AdminAccountsResource {

    @Inject
    AccountTable accounts;

    @Inject
    AccountService service;

    @Inject
    HttpServletRequest request;

    @GET
    @RolesAllowed(Roles.ADMIN)
    public List<AccountView> list() {
        return accounts.all().stream().map(AccountView::of).toList();
    }

    /** One account: where the {@code Location} of a created account points. */
    @GET
    @Path("{name}")
    @RolesAllowed(Roles.ADMIN)
    public AccountView one(@PathParam("name") String name) {
        return accounts.find(name).map(AccountView::of).orElseThrow(NotFoundException::new);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewAccount input, @Context UriInfo uri) {
        if (input == null) {
            throw new InvalidInput("name, password and roles are required");
        }
        return switch (service.create(input.name(), input.password(), input.roles())) {
            case DONE -> {
                AccountView created = AccountView.of(accounts.find(input.name()).orElseThrow());
                yield Response.created(uri.getAbsolutePathBuilder().path(created.name()).build()).entity(created).build();
            }
            case EXISTS -> throw new ClientErrorException("the account exists", Response.Status.CONFLICT);
            // INVALID, the only other outcome of create, always has a problem to name
            default -> throw new InvalidInput(service.problem(input.name(), input.password(), input.roles()).orElseThrow());
        };
    }

    @POST
    @Path("{name}/disable")
    @RolesAllowed(Roles.ADMIN)
    public Response disable(@PathParam("name") String name) {
        // Compared as stored: "ADMIN" names the admin's own account as well as "admin" does.
        if (accounts.find(name).map(Account::username).filter(Caller.of(request).name()::equals).isPresent()) {
            throw new InvalidInput("admins cannot disable their own account");
        }
        return changed(service.setEnabled(name, false));
    }

    @POST
    @Path("{name}/enable")
    @RolesAllowed(Roles.ADMIN)
    public Response enable(@PathParam("name") String name) {
        return changed(service.setEnabled(name, true));
    }

    /** Ends every session and token of the account; it can log in again. */
    @POST
    @Path("{name}/logout")
    @RolesAllowed(Roles.ADMIN)
    public Response logout(@PathParam("name") String name) {
        service.logoutEverywhere(accounts.find(name).map(Account::username).orElseThrow(NotFoundException::new));
        return Response.noContent().build();
    }

    private static Response changed(AccountService.Outcome outcome) {
        if (outcome == AccountService.Outcome.NOT_FOUND) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }
}
