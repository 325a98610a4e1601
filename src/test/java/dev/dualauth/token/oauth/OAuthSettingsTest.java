package dev.dualauth.token.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class OAuthSettingsTest {

    static final String ISSUER = "http://localhost:8080";

    /** A MicroProfile Config of just these values. */
    static Config config(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(Map.of("dualauth.demo", "false", OAuthSettings.CODE_TTL, "PT60S"));
        all.putAll(values);
        return (Config) Proxy.newProxyInstance(OAuthSettingsTest.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, m, args) -> {
                    String value = all.get((String) args[0]);
                    Object typed = value == null ? null
                            : args[1] == Boolean.class ? (Object) Boolean.valueOf(value) : value;
                    return switch (m.getName()) {
                        case "getValue" -> Optional.ofNullable(typed).orElseThrow(() -> new NoSuchElementException((String) args[0]));
                        case "getOptionalValue" -> Optional.ofNullable(typed);
                        default -> throw new UnsupportedOperationException(m.getName());
                    };
                });
    }

    @Test
    void outsideDemoModeThePasswordGrantIsOffAndNoClientExists() {
        OAuthSettings settings = OAuthSettings.from(config(Map.of()), ISSUER);
        assertFalse(settings.passwordGrant());
        assertEquals(List.of("authorization_code", "refresh_token"), settings.grantTypes());
        assertTrue(settings.clients().isEmpty());
        assertEquals(Duration.ofSeconds(60), settings.codeTtl());
    }

    @Test
    void demoModeRegistersTheBrowserApplicationAndSwitchesThePasswordGrantOn() {
        OAuthSettings settings = OAuthSettings.from(config(Map.of("dualauth.demo", "true")), ISSUER);
        assertTrue(settings.passwordGrant());
        assertEquals(List.of("http://localhost:8080/app/", "http://127.0.0.1:8080/app/"),
                settings.client("dualauth-spa").orElseThrow().redirectUris());
    }

    @Test
    void demoModeAddsTheIssuersAppOnlyWhereARedirectMayGo() {
        assertEquals(List.of("http://localhost:8080/app/", "http://127.0.0.1:8080/app/", "https://dualauth.example/app/"),
                OAuthSettings.from(config(Map.of("dualauth.demo", "true")), "https://dualauth.example")
                        .client("dualauth-spa").orElseThrow().redirectUris());
        // Plain http beyond loopback: the deployment still starts, without that redirect URI.
        assertEquals(List.of("http://localhost:8080/app/", "http://127.0.0.1:8080/app/"),
                OAuthSettings.from(config(Map.of("dualauth.demo", "true")), "http://devbox:8080")
                        .client("dualauth-spa").orElseThrow().redirectUris());
    }

    @Test
    void demoModeKeepsAnExplicitChoice() {
        OAuthSettings settings = OAuthSettings.from(config(Map.of("dualauth.demo", "true",
                OAuthSettings.PASSWORD_GRANT, "false", OAuthSettings.CLIENTS, "dualauth-spa",
                "dualauth.oauth.client.dualauth-spa.redirect-uris", "https://app.example/app/")), ISSUER);
        assertFalse(settings.passwordGrant());
        assertEquals(List.of("https://app.example/app/"), settings.client("dualauth-spa").orElseThrow().redirectUris());
    }

    @Test
    void redirectUrisMatchExactly() {
        OAuthClient client = OAuthSettings.from(config(Map.of(OAuthSettings.CLIENTS, "c",
                "dualauth.oauth.client.c.redirect-uris", "https://app.example/cb, http://127.0.0.1:9000/cb")), ISSUER)
                .client("c").orElseThrow();
        assertTrue(client.allows("https://app.example/cb"));
        assertTrue(client.allows("http://127.0.0.1:9000/cb"));
        for (String other : List.of("https://app.example/cb/", "https://APP.example/cb", "https://app.example/cb?x=1",
                "https://app.example/Cb", "https://app.example:443/cb", "http://app.example/cb")) {
            assertFalse(client.allows(other), other);
        }
    }

    @Test
    void badClientConfigurationFailsTheDeploymentNamingTheSetting() {
        for (String uris : List.of("http://app.example/cb", "https://app.example/cb#x", "/app/", "not a uri", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OAuthSettings.from(
                    config(Map.of(OAuthSettings.CLIENTS, "c", "dualauth.oauth.client.c.redirect-uris", uris)), ISSUER));
            assertTrue(e.getMessage().contains("dualauth.oauth.client.c.redirect-uris"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> OAuthSettings.from(config(Map.of(
                OAuthSettings.CLIENTS, "bad id", "dualauth.oauth.client.bad id.redirect-uris", "https://a.example/")), ISSUER));
        assertThrows(IllegalArgumentException.class, () -> OAuthSettings.from(
                config(Map.of(OAuthSettings.CODE_TTL, "PT61S")), ISSUER));
    }
}
