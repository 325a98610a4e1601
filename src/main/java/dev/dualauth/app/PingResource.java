package dev.dualauth.app;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /ping}: the unauthenticated baseline the benchmarks compare both paths against. */
@Path("ping")
@ApplicationScoped
@PermitAll
public class PingResource {

    private static final String OK = "{\"status\":\"ok\"}";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String ping() {
        return OK;
    }
}
