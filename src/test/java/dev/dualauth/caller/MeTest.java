package dev.dualauth.caller;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dualauth.security.Caller;
import dev.dualauth.security.SessionInfo;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeTest {

    @Test
    void aBearerCallerHasNoSession() {
        assertEquals("{\"name\":\"alice\",\"roles\":[\"user\"],\"via\":\"jwt\"}",
                Me.of(Caller.bearer("alice", Set.of("user"))).toJson().toString());
    }

    @Test
    void aSessionCallerShowsTheSessionsLimits() {
        SessionInfo session = new SessionInfo(900, Instant.parse("2026-11-26T20:43:49.449012380Z"));
        assertEquals("{\"name\":\"root\",\"roles\":[\"user\",\"admin\"],\"session\":{\"expiresAt\":"
                + "\"2026-11-26T20:43:49.449012380Z\",\"idleTimeoutSeconds\":900},\"via\":\"session\"}",
                Me.of(Caller.session("root", Set.of("admin", "user"), session)).toJson().toString());
    }

    @Test
    void onlyTheApplicationsRolesAreShownInTheirOrder() {
        assertEquals(List.of("admin"), Me.of(Caller.bearer("x", Set.of("admin", "auditor"))).roles());
    }
}
