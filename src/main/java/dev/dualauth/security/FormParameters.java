package dev.dualauth.security;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;

/** Form parameters as OAuth 2 reads them (RFC 6749 §3.1, §3.2): each at most once. */
public final class FormParameters {

    private FormParameters() {
    }

    /** The parameter's value if it was sent exactly once and is not empty, otherwise null. */
    public static String single(MultivaluedMap<String, String> form, String name) {
        List<String> values = form == null ? null : form.get(name);
        if (values == null || values.size() != 1 || values.get(0).isEmpty()) {
            return null;
        }
        return values.get(0);
    }
}
