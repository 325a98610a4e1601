package dev.dualauth.bare;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/** The whole bare WAR: GET /ping answers the same JSON as dualauth's, with nothing in front of it. */
@ApplicationPath("/")
public class BarePing extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(Ping.class);
    }

    @Path("ping")
    public static class Ping {

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public String ping() {
            return "{\"status\":\"ok\"}";
        }
    }
}
