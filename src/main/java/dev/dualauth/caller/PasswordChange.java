package dev.dualauth.caller;

import dev.dualauth.security.JsonFields;
import jakarta.json.JsonObject;

/** The body of {@code POST …/me/password}: {@code {"current":"…","new":"…"}}, each a JSON string. */
public record PasswordChange(String current, String replacement) {

    static PasswordChange of(JsonObject body) {
        return new PasswordChange(JsonFields.string(body, "current"), JsonFields.string(body, "new"));
    }

    @Override
    public String toString() {
        return "PasswordChange[…]";
    }
}
