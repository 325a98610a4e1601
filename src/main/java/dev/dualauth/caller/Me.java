package dev.dualauth.caller;

import java.util.List;

/** {@code {"name":"alice","roles":["user"],"via":"session"}}. */
public record Me(String name, List<String> roles, String via) {

    public static final String VIA_SESSION = "session";
    public static final String VIA_JWT = "jwt";
}
