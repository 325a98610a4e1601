package dev.dualauth.app;

import jakarta.json.Json;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every exception a resource throws becomes a short JSON body: {@code {"error":"…"}}. Client mistakes
 * (unreadable JSON, wrong media type, unknown ids) keep their 4xx; anything else is a logged 500 whose
 * body says nothing about the cause.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable error) {
        if (error instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            String message = status == 400 && wae.getMessage() != null ? wae.getMessage()
                    : Response.Status.Family.familyOf(status) == Response.Status.Family.SERVER_ERROR ? "server_error"
                    : reason(status);
            if (status >= 500) {
                LOG.log(Level.WARNING, "request failed", error);
            }
            return Response.fromResponse(wae.getResponse())
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", "no-store")
                    .entity(body(message))
                    .build();
        }
        if (isUnreadableBody(error)) {
            return json(400, "malformed request body");
        }
        LOG.log(Level.WARNING, "request failed", error);
        return json(500, "server_error");
    }

    static Response json(int status, String error) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .entity(body(error))
                .build();
    }

    static String body(String error) {
        return Json.createObjectBuilder().add("error", error).build().toString();
    }

    static String reason(int status) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return type == null ? "error" : type.getReasonPhrase().toLowerCase().replace(' ', '_');
    }

    private static boolean isUnreadableBody(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonParsingException || t instanceof ProcessingException) {
                return true;
            }
        }
        return false;
    }
}
