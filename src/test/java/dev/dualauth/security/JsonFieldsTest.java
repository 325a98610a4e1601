package dev.dualauth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    static JsonStructure parse(String json) {
        return Json.createReader(new StringReader(json)).read();
    }

    @Test
    void theBodyIsOneObjectAndAReadFieldIsAStringOrAbsent() {
        JsonObject body = JsonFields.object(parse("{\"text\":\"hi\",\"other\":1,\"gone\":null}"));
        assertEquals("hi", JsonFields.string(body, "text"));
        assertNull(JsonFields.string(body, "missing"));
        assertNull(JsonFields.string(body, "gone"));
        assertEquals("\"other\" must be a string",
                assertThrows(InvalidInput.class, () -> JsonFields.string(body, "other")).getMessage());
    }

    @Test
    void anArrayOrNoBodyIsRefused() {
        assertThrows(InvalidInput.class, () -> JsonFields.object(parse("[{\"text\":\"hi\"}]")));
        assertThrows(InvalidInput.class, () -> JsonFields.object((JsonStructure) null));
        JsonObject nested = JsonFields.object(parse("{\"text\":[\"a\"],\"n\":{\"a\":1}}"));
        assertThrows(InvalidInput.class, () -> JsonFields.string(nested, "text"));
        assertThrows(InvalidInput.class, () -> JsonFields.string(nested, "n"));
    }

    /** Found by FuzzIT: each of these was a 500 when the runtime's JSON reader parsed the body. */
    @Test
    void aBodyThatIsNotJsonOrIsNestedBeyondTheParsersLimitIsRefused() {
        for (String body : new String[] {null, "", " ", "{", "nope", "\"a string\"", "{\"text\":}", "[".repeat(5_000) + "]".repeat(5_000)}) {
            assertEquals("the body must be a JSON object",
                    assertThrows(InvalidInput.class, () -> JsonFields.object(body)).getMessage(), String.valueOf(body).substring(0, Math.min(10, String.valueOf(body).length())));
        }
        assertEquals("hi", JsonFields.string(JsonFields.object("{\"text\":\"hi\"}"), "text"));
    }
}
