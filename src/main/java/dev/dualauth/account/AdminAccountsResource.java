package dev.dualauth.account;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /web/admin/accounts} and {@code GET /api/admin/accounts}: one class mounted under both paths. */
@Path("admin/accounts")
@RequestScoped
@DenyAll
public class AdminAccountsResource {

    @Inject
    Accounts accounts;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    public List<AccountView> list() {
        return accounts.all().stream().map(AccountView::of).toList();
    }
}
