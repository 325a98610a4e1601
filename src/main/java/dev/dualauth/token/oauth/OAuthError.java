package dev.dualauth.token.oauth;

import jakarta.json.Json;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** RFC 6749 §5.2 error responses of the token endpoint. */
final class OAuthError {

    static final String INVALID_REQUEST = "invalid_request";
    static final String INVALID_GRANT = "invalid_grant";
    static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";

    private OAuthError() {
    }

    static Response of(String error, String description) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .cacheControl(noStore())
                .header("Pragma", "no-cache")
                .entity(Json.createObjectBuilder().add("error", error).add("error_description", description)
                        .build().toString())
                .build();
    }

    /** {@code 429} with {@code Retry-After} in whole seconds (rounded up): the name is locked for now. */
    static Response tooManyAttempts(java.time.Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Response.status(Response.Status.TOO_MANY_REQUESTS)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .cacheControl(noStore())
                .header("Retry-After", seconds)
                .entity(Json.createObjectBuilder().add("error", "too_many_requests")
                        .add("error_description", "too many failed logins for this user name; try again later")
                        .build().toString())
                .build();
    }

    static CacheControl noStore() {
        CacheControl cc = new CacheControl();
        cc.setNoStore(true);
        cc.setNoTransform(false);
        return cc;
    }
}
