package dev.dualauth.token.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenSettingsTest {

    @Test
    void algorithmsAreES256OrRS256Only() {
        assertEquals(JWSAlgorithm.ES256, TokenSettings.algorithm("ES256"));
        assertEquals(JWSAlgorithm.RS256, TokenSettings.algorithm(" rs256 "));
        assertThrows(IllegalArgumentException.class, () -> TokenSettings.algorithm("HS256"));
        assertThrows(IllegalArgumentException.class, () -> TokenSettings.algorithm("none"));
    }

    @Test
    void accessTokenLifetimeIsAnIsoDurationBetweenOneSecondAndOneDay() {
        assertEquals(Duration.ofMinutes(5), TokenSettings.ttl("PT5M"));
        assertThrows(IllegalArgumentException.class, () -> TokenSettings.ttl("300"));
        assertThrows(IllegalArgumentException.class, () -> TokenSettings.ttl("PT0S"));
        assertThrows(IllegalArgumentException.class, () -> TokenSettings.ttl("-PT5M"));
        assertThrows(IllegalArgumentException.class, () -> TokenSettings.ttl("P2D"));
    }
}
