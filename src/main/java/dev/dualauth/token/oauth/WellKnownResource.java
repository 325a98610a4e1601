package dev.dualauth.token.oauth;

import dev.dualauth.token.keys.KeyRing;
import dev.dualauth.token.keys.TokenSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /.well-known/jwks.json} (RFC 7517) and {@code /.well-known/oauth-authorization-server} (RFC 8414).
 * Every URL in the metadata is the configured issuer's (RFC 8414 §3.3: the issuer is the base of the
 * metadata), never one built from the request's {@code Host}, which any client can forge and a cache
 * would then hand to everyone.
 */
@Path(".well-known")
@ApplicationScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class WellKnownResource {

    private static final int MAX_AGE_SECONDS = 300;

    @Inject
    TokenSettings settings;

    @Inject
    OAuthSettings oauth;

    private String metadata;

    @PostConstruct
    void init() {
        String base = settings.issuer().replaceAll("/+$", "");
        metadata = Json.createObjectBuilder()
                .add("issuer", settings.issuer())
                .add("authorization_endpoint", base + AuthorizationRequests.PATH)
                .add("token_endpoint", base + "/auth/token")
                .add("revocation_endpoint", base + "/auth/revoke")
                .add("jwks_uri", base + "/.well-known/jwks.json")
                .add("response_types_supported", Json.createArrayBuilder().add("code"))
                .add("response_modes_supported", Json.createArrayBuilder().add("query"))
                .add("grant_types_supported", Json.createArrayBuilder(oauth.grantTypes()))
                .add("code_challenge_methods_supported", Json.createArrayBuilder().add("S256"))
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("none"))
                .add("revocation_endpoint_auth_methods_supported", Json.createArrayBuilder().add("none"))
                .add("authorization_response_iss_parameter_supported", true)
                .build().toString();
    }

    @GET
    @Path("jwks.json")
    public Response jwks() {
        return Response.ok(KeyRing.current().publicKeys().toString()).cacheControl(publicFor(MAX_AGE_SECONDS)).build();
    }

    @GET
    @Path("oauth-authorization-server")
    public Response metadata() {
        return Response.ok(metadata).cacheControl(publicFor(MAX_AGE_SECONDS)).build();
    }

    private static CacheControl publicFor(int seconds) {
        CacheControl cc = new CacheControl();
        cc.setMaxAge(seconds);
        cc.setNoTransform(false);
        return cc;
    }
}
