package dev.dualauth.caller;

import jakarta.json.bind.annotation.JsonbProperty;

/** The body of {@code POST …/me/password}: {@code {"current":"…","new":"…"}}. */
public record PasswordChange(String current, @JsonbProperty("new") String replacement) {

    @Override
    public String toString() {
        return "PasswordChange[…]";
    }
}
