package dev.dualauth.caller;

import dev.dualauth.session.SessionInfo;
import java.util.List;

/**
 * {@code {"name":"alice","roles":["user"],"via":"session","session":{…}}}; {@code session} only on the
 * session path.
 */
public record Me(String name, List<String> roles, String via, SessionInfo session) {

    public static final String VIA_SESSION = "session";
    public static final String VIA_JWT = "jwt";
}
