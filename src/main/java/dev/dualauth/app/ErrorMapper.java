package dev.dualauth.app;

import dev.dualauth.account.HashingBusy;
import dev.dualauth.security.InvalidInput;
import dev.dualauth.security.SecurityLog;
import dev.dualauth.security.NoStore;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * Every exception a resource throws becomes a short JSON body: {@code {"error":"…"}}. Client mistakes
 * keep their 4xx: the application's own {@link InvalidInput} with its message, any other 4xx with its
 * reason phrase only (a runtime's message may quote the input or name its internals), an unreadable JSON
 * body as 400. Anything else is a logged 500 whose body says nothing about the cause.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final SecurityLog LOG = new SecurityLog(ErrorMapper.class);
    static final String MALFORMED_BODY = "malformed request body";
    static final String SERVER_ERROR = "server_error";

    /** What an exception becomes: the status, the body's error text, and whether it is the server's fault. */
    record Outcome(int status, String error, boolean serverFault) {
    }

    @Override
    public Response toResponse(Throwable error) {
        Outcome outcome = classify(error);
        if (outcome.serverFault()) {
            LOG.warning(error.getClass().getName(), () -> "request failed", error);
        }
        Response.ResponseBuilder response = error instanceof WebApplicationException wae && !outcome.serverFault()
                ? Response.fromResponse(wae.getResponse()) // keeps headers such as Allow or Retry-After
                : Response.status(outcome.status());
        if (HashingBusy.in(error)) {
            response.header("Retry-After", HashingBusy.RETRY_AFTER_SECONDS);
        }
        return NoStore.on(response).type(MediaType.APPLICATION_JSON_TYPE).entity(body(outcome.error())).build();
    }

    static Outcome classify(Throwable error) {
        if (HashingBusy.in(error)) {
            return new Outcome(503, "temporarily_unavailable", false); // a login flood: try again shortly
        }
        if (error instanceof InvalidInput invalid) {
            return new Outcome(400, invalid.getMessage(), false);
        }
        if (error instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            if (status >= 500) {
                return new Outcome(status, SERVER_ERROR, true);
            }
            if (status == 400 && isUnreadableJson(error)) {
                return new Outcome(400, MALFORMED_BODY, false);
            }
            return new Outcome(status, reason(status), false);
        }
        if (isUnreadableJson(error)) {
            return new Outcome(400, MALFORMED_BODY, false); // the JSON binding's own exception, unwrapped
        }
        return new Outcome(500, SERVER_ERROR, true);
    }

    static String body(String error) {
        return Json.createObjectBuilder().add("error", error).build().toString();
    }

    /** {@code not_found}, {@code unsupported_media_type}, …: the same in every locale. */
    static String reason(int status) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return type == null ? "error" : type.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    /** A JSON body the binding could not read: the client's mistake, unlike any other processing failure. */
    private static boolean isUnreadableJson(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException) { // JsonParsingException is one
                return true;
            }
        }
        return false;
    }
}
