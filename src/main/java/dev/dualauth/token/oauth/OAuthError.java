package dev.dualauth.token.oauth;

import dev.dualauth.account.HashingBusy;
import dev.dualauth.security.NoStore;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** RFC 6749 §5.2 error responses of the OAuth endpoints, never cached (§5.1). */
final class OAuthError {

    static final String INVALID_REQUEST = "invalid_request";
    static final String INVALID_GRANT = "invalid_grant";
    static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";

    private OAuthError() {
    }

    static Response of(String error, String description) {
        return json(Response.status(Response.Status.BAD_REQUEST), Json.createObjectBuilder()
                .add("error", error).add("error_description", description).build().toString());
    }

    /** {@code 401 invalid_client} (RFC 6749 §5.2): an unknown {@code client_id}. */
    static Response invalidClient() {
        return json(Response.status(Response.Status.UNAUTHORIZED), Json.createObjectBuilder()
                .add("error", "invalid_client").add("error_description", "unknown client").build().toString());
    }

    /** {@code 503} with {@code Retry-After}: too many logins are being checked at once (a login flood). */
    static Response busy() {
        return json(Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", HashingBusy.RETRY_AFTER_SECONDS),
                Json.createObjectBuilder().add("error", "temporarily_unavailable")
                        .add("error_description", "too many logins at once; try again shortly").build().toString());
    }

    /** {@code 429} with {@code Retry-After} in whole seconds (rounded up): the name is locked for now. */
    static Response tooManyAttempts(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return json(Response.status(Response.Status.TOO_MANY_REQUESTS).header("Retry-After", seconds),
                Json.createObjectBuilder().add("error", "too_many_requests")
                        .add("error_description", "too many failed logins for this user name; try again later")
                        .build().toString());
    }

    /** A JSON answer of an OAuth endpoint: not stored by any cache, old HTTP/1.0 ones included. */
    static Response json(Response.ResponseBuilder response, String body) {
        return NoStore.on(response).header("Pragma", "no-cache").type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
