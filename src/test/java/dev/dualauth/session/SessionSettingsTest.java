package dev.dualauth.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.SessionCookieConfig;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionSettingsTest {

    @Test
    void timeoutsAreIsoDurationsWithinBounds() {
        assertEquals(Duration.ofMinutes(15), SessionSettings.duration("x", "PT15M"));
        assertThrows(IllegalArgumentException.class, () -> SessionSettings.duration("x", "15"));
        assertThrows(IllegalArgumentException.class, () -> SessionSettings.duration("x", "PT0S"));
        assertThrows(IllegalArgumentException.class, () -> SessionSettings.duration("x", "P31D"));
    }

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeHoweverActive() {
        Instant login = Instant.parse("2026-01-01T08:00:00Z");
        SessionCaller caller = new SessionCaller("alice", Set.of("user"), login, login.plus(Duration.ofHours(8)), "binding");
        assertFalse(caller.expiredAt(login.plus(Duration.ofHours(8)).minusSeconds(1)));
        assertTrue(caller.expiredAt(login.plus(Duration.ofHours(8))));
    }

    @Test
    void theSecureCookieIsHostPrefixedSecureHttpOnlyAndForTheWholeHost() {
        Map<String, Object> set = new HashMap<>();
        SessionCookieConfig cookie = (SessionCookieConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SessionCookieConfig.class}, (p, m, args) -> {
                    if (m.getName().startsWith("set")) {
                        set.put(m.getName(), args[0]);
                    }
                    return null;
                });
        SessionCookieSetup.secure(cookie);
        assertEquals("__Host-JSESSIONID", set.get("setName"));
        assertEquals(true, set.get("setSecure"));
        assertEquals(true, set.get("setHttpOnly"));
        assertEquals("/", set.get("setPath"));
        assertTrue(set.containsKey("setDomain") && set.get("setDomain") == null);
    }
}
