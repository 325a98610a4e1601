package dev.dualauth.token.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The password grant outside demo mode (the integration tests run in demo mode, where it is on): refused
 * as an unsupported grant type before anything else is looked at — no identity store, no throttle.
 */
class TokenEndpointTest {

    @Test
    void thePasswordGrantIsRefusedUnlessSwitchedOn() {
        TokenEndpoint endpoint = new TokenEndpoint();
        endpoint.settings = OAuthSettings.from(OAuthSettingsTest.config(Map.of()), OAuthSettingsTest.ISSUER);
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("grant_type", "password");
        form.putSingle("username", "alice");
        form.putSingle("password", "alice-demo-password");
        Response answer = endpoint.token(form);
        assertEquals(400, answer.getStatus());
        String body = (String) answer.getEntity();
        assertTrue(body.contains("\"error\":\"unsupported_grant_type\""), body);
        assertTrue(body.contains("authorization_code, refresh_token"), body);
    }
}
