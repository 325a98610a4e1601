package dev.dualauth.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CrossSiteRequestsTest {

    static boolean crossSite(Map<String, String> headers) {
        return CrossSiteRequests.isCrossSite(FakeRequests.of("POST", headers), Set.of("https://app.example"));
    }

    @Test
    void fetchMetadataDecidesWhenPresent() {
        assertFalse(crossSite(Map.of("Sec-Fetch-Site", "same-origin", "Host", "h")));
        assertFalse(crossSite(Map.of("Sec-Fetch-Site", "none", "Host", "h")));
        assertTrue(crossSite(Map.of("Sec-Fetch-Site", "same-site", "Host", "h")));
        assertTrue(crossSite(Map.of("Sec-Fetch-Site", "cross-site", "Host", "h", "Origin", "http://h")));
    }

    @Test
    void anAllowedOriginIsNotCrossSiteWhateverFetchMetadataSays() {
        // What every modern browser sends for a form on the allowed origin: the allow-list must win.
        assertFalse(crossSite(Map.of("Sec-Fetch-Site", "cross-site", "Host", "h", "Origin", "https://app.example")));
        assertFalse(crossSite(Map.of("Sec-Fetch-Site", "same-site", "Host", "h", "Origin", "https://app.example")));
        // Only that exact origin.
        assertTrue(crossSite(Map.of("Sec-Fetch-Site", "cross-site", "Host", "h", "Origin", "https://app.example:8443")));
        assertTrue(crossSite(Map.of("Sec-Fetch-Site", "cross-site", "Host", "h", "Origin", "http://app.example")));
    }

    @Test
    void otherwiseTheOriginMustBeThisHostOrAllowed() {
        assertFalse(crossSite(Map.of("Host", "localhost:8080", "Origin", "http://localhost:8080")));
        assertFalse(crossSite(Map.of("Host", "example.com", "Origin", "https://example.com")));
        assertFalse(crossSite(Map.of("Host", "example.com:443", "Origin", "https://example.com")));
        assertFalse(crossSite(Map.of("Host", "api.internal", "Origin", "https://app.example")));
        assertTrue(crossSite(Map.of("Host", "localhost:8080", "Origin", "http://localhost:9090")));
        assertTrue(crossSite(Map.of("Host", "localhost:8080", "Origin", "https://evil.example")));
        assertTrue(crossSite(Map.of("Host", "localhost:8080", "Origin", "null")));
        assertTrue(crossSite(Map.of("Host", "localhost:8080", "Origin", "::not a uri::")));
    }

    @Test
    void requestsWithoutEitherHeaderAreNotFromABrowserAndLeftToTheToken() {
        assertFalse(crossSite(Map.of("Host", "localhost:8080")));
    }
}
