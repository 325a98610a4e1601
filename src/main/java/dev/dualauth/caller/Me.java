package dev.dualauth.caller;

import dev.dualauth.account.Roles;
import dev.dualauth.security.Caller;
import dev.dualauth.security.SessionInfo;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code {"name":"alice","roles":["user"],"session":{…},"via":"session"}}; {@code session} only on the
 * session path.
 *
 * <p>Written with JSON-P rather than JSON-B: JSON-B's reflective writing of this small answer cost about
 * twice as much (profile in docs/benchmarks.md).
 */
public record Me(String name, List<String> roles, String via, SessionInfo session) {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    /**
     * The caller as the gate let them in. Their roles are the application's roles among their groups, in
     * {@link Roles#ALL} order: groups map one to one to roles here, so this is what {@code isUserInRole} answers.
     */
    static Me of(Caller caller) {
        List<String> roles = new ArrayList<>(Roles.ALL.size());
        for (String role : Roles.ALL) {
            if (caller.groups().contains(role)) {
                roles.add(role);
            }
        }
        return new Me(caller.name(), List.copyOf(roles), caller.via(), caller.session());
    }

    JsonObject toJson() {
        JsonObjectBuilder me = JSON.createObjectBuilder().add("name", name).add("roles", JSON.createArrayBuilder(roles));
        if (session != null) {
            me.add("session", JSON.createObjectBuilder()
                    .add("expiresAt", session.expiresAt().toString())
                    .add("idleTimeoutSeconds", session.idleTimeoutSeconds()));
        }
        return me.add("via", via).build();
    }
}
