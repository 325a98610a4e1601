package dev.dualauth.security;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * Strict reading of the small JSON bodies this application accepts: the body must be one object, and a
 * field it reads must be a JSON string or absent. Object mapping (JSON-B) would accept an array holding the
 * object, and a number where a string belongs (turned into its digits); neither is a body we document.
 * Members the application does not read are ignored.
 *
 * <p>The body is parsed here, not by the JAX-RS runtime's JSON-P reader, so that every way it can fail is
 * a {@code 400}: empty, not JSON, or nested beyond the parser's limit (which the parser reports with a
 * plain {@link RuntimeException}, which would have been a {@code 500}).
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** The body, parsed, as an object; {@code 400} for anything else (not JSON, an array, or no body). */
    public static JsonObject object(String body) {
        JsonStructure parsed;
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            parsed = reader.read();
        } catch (RuntimeException notJson) { // JsonException, JsonParsingException, the nesting limit
            throw new InvalidInput("the body must be a JSON object");
        }
        return object(parsed);
    }

    /** The body as an object; {@code 400} for anything else (an array, or no body). */
    public static JsonObject object(JsonStructure body) {
        if (!(body instanceof JsonObject object)) {
            throw new InvalidInput("the body must be a JSON object");
        }
        return object;
    }

    /** The field's string, null when absent or JSON null; {@code 400} when it is another kind of value. */
    public static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new InvalidInput("\"" + name + "\" must be a string");
    }
}
