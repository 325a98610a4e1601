package dev.dualauth.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class HostSettingsTest {

    static HostSettings of(Map<String, String> values, String issuer) {
        Config config = (Config) Proxy.newProxyInstance(HostSettingsTest.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getOptionalValue" -> Optional.ofNullable(values.get((String) args[0]));
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return HostSettings.from(config, issuer);
    }

    @Test
    void theIssuersHostTheConfiguredOnesAndLoopbackAreAnswered() {
        HostSettings hosts = of(Map.of(HostSettings.ALLOWED_HOSTS, "auth.example.com, api.example.com:8443"),
                "https://login.example.com");
        for (String ok : new String[] {"login.example.com", "LOGIN.example.com", "auth.example.com", "api.example.com:8443",
                "localhost", "localhost:8080", "127.0.0.1:41234", "[::1]:8080", null}) {
            assertTrue(hosts.allows(ok), String.valueOf(ok));
        }
        for (String bad : new String[] {"evil.example", "login.example.com.evil.example", "api.example.com:9999",
                "auth.example.com:8443", "localhost.evil.example", "127.0.0.1.nip.io", "localhost:80x", "localhost:", "localhost:123456", "", "[::2]"}) {
            assertFalse(hosts.allows(bad), bad);
        }
    }

    @Test
    void theIssuersPortIsPartOfItsHost() {
        HostSettings hosts = of(Map.of(), "http://server.internal:8080");
        assertTrue(hosts.allows("server.internal:8080"));
        assertFalse(hosts.allows("server.internal"));
        assertTrue(of(Map.of(), "https://login.example.com:443").allows("login.example.com"), "a default port is not sent");
    }

    @Test
    void aMalformedEntryFailsTheDeploymentNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> of(Map.of(HostSettings.ALLOWED_HOSTS, "https://auth.example.com"), "https://a.example"));
        assertTrue(e.getMessage().startsWith(HostSettings.ALLOWED_HOSTS), e.getMessage());
    }
}
