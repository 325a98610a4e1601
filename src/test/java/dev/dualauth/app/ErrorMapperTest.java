package dev.dualauth.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dualauth.app.ErrorMapper.Outcome;
import dev.dualauth.security.InvalidInput;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ServerErrorException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Needs a JAX-RS runtime for exceptions' responses: jersey-common, a test dependency only. */
class ErrorMapperTest {

    @Test
    void theApplicationsOwnMessageIsShownToTheClient() {
        assertEquals(new Outcome(400, "text is required", false), ErrorMapper.classify(new InvalidInput("text is required")));
    }

    @Test
    void aRuntimesBadRequestKeepsItsStatusButNotItsMessage() {
        BadRequestException runtime = new BadRequestException(
                "RESTEASY003870: Unable to extract parameter from http request: jakarta.ws.rs.PathParam(\"id\") value is '<script>'");
        assertEquals(new Outcome(400, "bad_request", false), ErrorMapper.classify(runtime));
        assertEquals(new Outcome(404, "not_found", false), ErrorMapper.classify(new NotFoundException("no such note 42")));
    }

    @Test
    void onlyUnreadableJsonIsTheClientsFaultAmongProcessingFailures() {
        assertEquals(new Outcome(400, ErrorMapper.MALFORMED_BODY, false),
                ErrorMapper.classify(new ProcessingException("binding failed", new JsonbException("unexpected char"))));
        assertEquals(new Outcome(400, ErrorMapper.MALFORMED_BODY, false),
                ErrorMapper.classify(new BadRequestException("bad", new JsonbException("unexpected char"))));
        assertEquals(new Outcome(400, ErrorMapper.MALFORMED_BODY, false),
                ErrorMapper.classify(new JsonParsingException("unexpected char", null)));
        assertEquals(new Outcome(500, ErrorMapper.SERVER_ERROR, true),
                ErrorMapper.classify(new ProcessingException("connection pool exhausted")));
        assertEquals(new Outcome(500, ErrorMapper.SERVER_ERROR, true),
                ErrorMapper.classify(new IllegalStateException("bug")));
        assertEquals(new Outcome(503, ErrorMapper.SERVER_ERROR, true),
                ErrorMapper.classify(new ServerErrorException(503)));
    }

    @Test
    void reasonPhrasesAreTheSameInATurkishLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("request-uri_too_long", ErrorMapper.reason(414));
            assertEquals("unsupported_media_type", ErrorMapper.reason(415));
        } finally {
            Locale.setDefault(before);
        }
    }
}
