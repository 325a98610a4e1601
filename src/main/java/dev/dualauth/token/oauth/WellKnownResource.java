package dev.dualauth.token.oauth;

import dev.dualauth.token.keys.KeyRing;
import dev.dualauth.token.keys.TokenSettings;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /.well-known/jwks.json} (RFC 7517) and {@code /.well-known/oauth-authorization-server} (RFC 8414). */
@Path(".well-known")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class WellKnownResource {

    private static final int MAX_AGE_SECONDS = 300;

    @GET
    @Path("jwks.json")
    public Response jwks() {
        return Response.ok(KeyRing.current().publicKeys().toString()).cacheControl(publicFor(MAX_AGE_SECONDS)).build();
    }

    @GET
    @Path("oauth-authorization-server")
    public Response metadata(@Context UriInfo uri) {
        TokenSettings settings = TokenSettings.fromConfig();
        String base = uri.getBaseUriBuilder().replacePath("").build().toString().replaceAll("/$", "");
        String body = Json.createObjectBuilder()
                .add("issuer", settings.issuer())
                .add("token_endpoint", base + "/auth/token")
                .add("jwks_uri", base + "/.well-known/jwks.json")
                .add("grant_types_supported", Json.createArrayBuilder().add(TokenEndpoint.GRANT_PASSWORD))
                .add("response_types_supported", Json.createArrayBuilder())
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("none"))
                .build().toString();
        return Response.ok(body).cacheControl(publicFor(MAX_AGE_SECONDS)).build();
    }

    private static CacheControl publicFor(int seconds) {
        CacheControl cc = new CacheControl();
        cc.setMaxAge(seconds);
        cc.setNoTransform(false);
        return cc;
    }
}
