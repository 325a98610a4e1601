package dev.dualauth.token.oauth;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Queries no HTTP client will send, answered with the 400 page rather than an exception (a 500). */
class AuthorizationRequestsTest {

    @Test
    void anUndecodableOrMissingQueryIsRefusedWithAPage() {
        AuthorizationRequests requests = new AuthorizationRequests();
        requests.settings = OAuthSettings.from(OAuthSettingsTest.config(Map.of("dualauth.demo", "true")), OAuthSettingsTest.ISSUER);
        for (String query : new String[] {"client_id=%zz&redirect_uri=%", "client_id=%", "%", null, "", "x".repeat(5000)}) {
            assertInstanceOf(AuthorizationRequests.Check.Refused.class, requests.check(query), String.valueOf(query));
        }
    }
}
