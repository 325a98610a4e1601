package dev.dualauth.token;

import dev.dualauth.account.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** {@code GET /api/admin/token-rejections}: refused bearer tokens by reason since start (role admin). */
@Path("admin/token-rejections")
@RequestScoped
@DenyAll
public class TokenRejectionsResource {

    @Inject
    RejectionCounter rejections;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Long> counts() {
        return rejections.snapshot();
    }
}
