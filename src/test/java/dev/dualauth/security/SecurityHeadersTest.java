package dev.dualauth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    final SecurityHeaders headers = new SecurityHeaders(java.util.List.of("https://app.example", "http://127.0.0.1:9000"));

    @Test
    void pagesAndTheirFilesGetThePagePolicyEverythingElseTheStrictOne() {
        for (String page : new String[] {"", "/", "/web", "/web/", "/auth/authorize", "/app", "/app/", "/app/app.js", "/assets/style.css"}) {
            assertEquals(SecurityHeaders.PAGE_CSP, headers.csp(page), page);
        }
        for (String login : new String[] {"/login", "/login-error"}) {
            assertEquals(SecurityHeaders.PAGE_CSP.replace("form-action 'self'",
                    "form-action 'self' http://127.0.0.1:9000 https://app.example"), headers.csp(login), login);
        }
        for (String json : new String[] {"/web/me", "/web/notes", "/web/forms/notes", "/api/me", "/ping", "/auth/token",
                "/application", "/apps", "/assetsx/style.css", "/j_security_check", "/error", "/index.html"}) {
            assertEquals(SecurityHeaders.CSP, headers.csp(json), json);
        }
    }

    @Test
    void noPolicyAllowsInlineCodeAndTheLoginPagesPostOnlyHereOrToRegisteredRedirectOrigins() {
        for (String csp : new String[] {SecurityHeaders.CSP, SecurityHeaders.PAGE_CSP, headers.csp("/login")}) {
            assertFalse(csp.contains("unsafe"), csp);
            assertFalse(csp.contains("*"), csp);
        }
        assertEquals(SecurityHeaders.PAGE_CSP, new SecurityHeaders(java.util.List.of()).csp("/login"));
    }
}
