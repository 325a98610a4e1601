package dev.dualauth.it;

import static dev.dualauth.it.OAuthFlow.assertInvalidGrant;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualauth.it.suite.Persistence;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The authorization code flow with PKCE (contract "Authorization code with PKCE", RFC 6749 §4.1, RFC 7636,
 * RFC 9700 §2.1): each rule of the authorization endpoint and of the code exchange, each able to fail.
 * The test server registers {@code dualauth-spa} with {@code http://127.0.0.1:<port>/app/} (see pom.xml,
 * {@code it.oauth-options}) and lets codes live 5 s.
 */
@Persistence
class AuthorizationCodeIT extends ServerIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    OAuthFlow flow;

    @BeforeEach
    void flow() {
        flow = new OAuthFlow(client);
    }

    @Test
    void withoutASessionTheFormLoginRunsThenTheRequestGoesOnToTheClient() {
        Response first = flow.authorize(null, flow.params());
        first.then().statusCode(302).header("Location", equalTo(client.base() + "/login"));
        String before = Client.sessionOf(first);
        assertNotNull(before, "the authorization request is kept in a session until the login");

        Response login = client.formLogin(before, "alice", "alice-demo-password");
        login.then().statusCode(302).header("Location", equalTo(client.base() + OAuthFlow.authorizePath(flow.params())));
        String after = Client.sessionOf(login);
        assertNotEquals(before, after, "the login changes the session id");

        String code = flow.code(after);
        Client.Tokens tokens = flow.tokens(code);
        client.bearer(tokens.access()).get("/api/me").then().statusCode(200)
                .body("name", equalTo("alice")).body("via", equalTo("jwt"));
        // The session it logged in is the /web session: the same login serves both ways.
        client.session(after).get("/web/me").then().statusCode(200).body("name", equalTo("alice"));
    }

    @Test
    void withASessionTheCodeComesBackAtOnceWithStateAndIssuer() {
        String session = client.sessionOf(Personas.ALICE);
        Response answer = flow.authorize(session, flow.params());
        answer.then().statusCode(302).header("Cache-Control", containsString("no-store"));
        String location = answer.header("Location");
        assertTrue(location.startsWith(flow.redirectUri + "?"), location);
        Map<String, String> back = OAuthFlow.query(location);
        assertEquals(flow.state, back.get("state"));
        assertEquals(client.request().get("/.well-known/oauth-authorization-server").path("issuer"), back.get("iss"));
        assertTrue(back.get("code").length() >= 43, "a code of 256 random bits");
        assertNotEquals(back.get("code"), flow.code(session), "every request gets its own code");
    }

    @Test
    void aRequestWithoutStateGetsACodeWithoutState() {
        Map<String, String> params = flow.params();
        params.remove("state");
        Response answer = flow.authorize(client.sessionOf(Personas.ALICE), params);
        answer.then().statusCode(302);
        Map<String, String> back = OAuthFlow.query(answer.header("Location"));
        assertNotNull(back.get("code"));
        assertFalse(back.containsKey("state"));
    }

    @Test
    void anUnknownClientGetsAPageNeverARedirect() {
        assertRefusedWithoutRedirect(p -> p.put("client_id", "no-such-client"));
        assertRefusedWithoutRedirect(p -> p.remove("client_id"));
        // No query at all (an undecodable one: AuthorizationRequestsTest, as HTTP clients refuse to send it).
        client.request().get("/auth/authorize").then().statusCode(400).header("Location", nullValue());
    }

    @Test
    void aRedirectUriThatIsNotRegisteredExactlyGetsAPageNeverARedirect() {
        String registered = flow.redirectUri;
        for (String wrong : List.of("https://evil.example/app/", registered.replace("/app/", "/apP/"),
                registered.replace("/app/", "/app"), registered + "x", registered + "/", registered + "?next=1",
                registered.replace("http://", "HTTP://"), registered + "#frag", registered.replace("/app/", "/ap/"))) {
            assertRefusedWithoutRedirect(p -> p.put("redirect_uri", wrong));
        }
        assertRefusedWithoutRedirect(p -> p.remove("redirect_uri"));
        // Registered, but for another client.
        assertRefusedWithoutRedirect(p -> p.put("client_id", OAuthFlow.OTHER_CLIENT));
    }

    @Test
    void missingOrPlainPkceGoesBackToTheClientAsInvalidRequest() {
        assertErrorRedirect(p -> p.remove("code_challenge"), "invalid_request");
        assertErrorRedirect(p -> p.remove("code_challenge_method"), "invalid_request");
        assertErrorRedirect(p -> p.put("code_challenge_method", "plain"), "invalid_request");
        assertErrorRedirect(p -> p.put("code_challenge", "too-short"), "invalid_request");
    }

    @Test
    void otherResponseTypesAndRepeatedParametersGoBackToTheClientAsErrors() {
        assertErrorRedirect(p -> p.put("response_type", "token"), "unsupported_response_type");
        assertErrorRedirect(p -> p.put("response_type", "code token"), "unsupported_response_type");
        assertErrorRedirect(p -> p.remove("response_type"), "invalid_request");
        // The same parameter twice (RFC 6749 §3.1): the request is ambiguous.
        Response repeated = client.request().urlEncodingEnabled(false)
                .get(OAuthFlow.authorizePath(flow.params()) + "&code_challenge=" + OAuthFlow.challenge("x".repeat(43)));
        repeated.then().statusCode(302).header("Location", startsWith(flow.redirectUri + "?"));
        assertEquals("invalid_request", OAuthFlow.query(repeated.header("Location")).get("error"));
        assertEquals(flow.state, OAuthFlow.query(repeated.header("Location")).get("state"));
        // A repeated name that an error description may not carry is still a 302, never a 500.
        Response odd = client.request().urlEncodingEnabled(false)
                .get(OAuthFlow.authorizePath(flow.params()) + "&%22%5C%C3%A9=1&%22%5C%C3%A9=2");
        odd.then().statusCode(302);
        assertEquals("invalid_request", OAuthFlow.query(odd.header("Location")).get("error"));
    }

    @Test
    void aCodeIssuedBeforeLogoutEverywhereStartsNothingAfterIt() {
        String password = "code-then-logout-" + java.util.UUID.randomUUID();
        String user = client.newUser(password);
        String code = flow.code(client.sessionOf(user, password));
        client.bearer(client.login(user, password).access()).post("/api/me/logout-all").then().statusCode(204);
        assertInvalidGrant(flow.exchange(code));
    }

    @Test
    void theErrorsAreTheSameWithASession() {
        String session = client.sessionOf(Personas.ALICE);
        Map<String, String> params = flow.params();
        params.put("code_challenge_method", "plain");
        Response answer = flow.authorize(session, params);
        answer.then().statusCode(302);
        assertEquals("invalid_request", OAuthFlow.query(answer.header("Location")).get("error"));
        params = flow.params();
        params.put("redirect_uri", "https://evil.example/");
        flow.authorize(session, params).then().statusCode(400).header("Location", nullValue());
    }

    @Test
    void theCodeExchangeNeedsTheRightVerifierAndTheCodeIsSpentEvenWhenItIsWrong() {
        String code = flow.code(client.sessionOf(Personas.ALICE));
        assertInvalidGrant(flow.exchange(code, OAuthFlow.CLIENT, flow.redirectUri, OAuthFlow.random(32)));
        assertInvalidGrant(flow.exchange(code));

        String second = flow.code(client.sessionOf(Personas.ALICE));
        assertInvalidGrant(flow.exchange(second, OAuthFlow.CLIENT, flow.redirectUri, "short"));
        String third = flow.code(client.sessionOf(Personas.ALICE));
        // The challenge itself is not the verifier (a "plain" downgrade).
        assertInvalidGrant(flow.exchange(third, OAuthFlow.CLIENT, flow.redirectUri, OAuthFlow.challenge(flow.verifier)));
    }

    @Test
    void theVerifierIsRequired() {
        String code = flow.code(client.sessionOf(Personas.ALICE));
        flow.exchange(code, OAuthFlow.CLIENT, flow.redirectUri, null)
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void aCodePresentedTwiceRevokesWhatItIssued() {
        String code = flow.code(client.sessionOf(Personas.ALICE));
        Client.Tokens tokens = flow.tokens(code);
        client.bearer(tokens.access()).get("/api/me").then().statusCode(200);

        assertInvalidGrant(flow.exchange(code));
        client.assertInvalidToken(tokens.access());
        assertInvalidGrant(client.refreshGrant(tokens.refresh()));
    }

    @Test
    void aCodeIsBoundToItsRedirectUriAndClient() {
        String code = flow.code(client.sessionOf(Personas.ALICE));
        assertInvalidGrant(flow.exchange(code, OAuthFlow.CLIENT, "http://localhost:"
                + java.net.URI.create(client.base()).getPort() + "/app/", flow.verifier));
        String second = flow.code(client.sessionOf(Personas.ALICE));
        assertInvalidGrant(flow.exchange(second, OAuthFlow.OTHER_CLIENT, flow.redirectUri, flow.verifier));
        String third = flow.code(client.sessionOf(Personas.ALICE));
        flow.exchange(third, "no-such-client", flow.redirectUri, flow.verifier)
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        // None of the three was spent by its right owner: they are all gone now.
        assertInvalidGrant(flow.exchange(second));
    }

    @Test
    void aCodeExpires() {
        String session = client.sessionOf(Personas.ALICE);
        Instant issued = Instant.now();
        String code = flow.code(session);
        // The tests' codes live 5 s (the server runs on this machine's clock): only time can pass here.
        Instant deadline = issued.plus(Duration.ofMillis(5500));
        while (Instant.now().isBefore(deadline)) {
            pause();
        }
        assertInvalidGrant(flow.exchange(code));
        // A fresh code of the same session is fine: it was the age that counted.
        flow.tokens(flow.code(session));
    }

    @Test
    void anUnknownCodeIsAnInvalidGrant() {
        assertInvalidGrant(flow.exchange(OAuthFlow.random(32)));
    }

    @Test
    void familiesStartedByACodeRotateAndDetectReuseLikeTheOthers() {
        Client.Tokens first = flow.tokens(flow.code(client.sessionOf(Personas.ALICE)));
        Response refreshed = client.refreshGrant(first.refresh());
        refreshed.then().statusCode(200);
        String next = refreshed.path("refresh_token");
        assertNotEquals(first.refresh(), next);
        assertInvalidGrant(client.refreshGrant(first.refresh()));
        assertInvalidGrant(client.refreshGrant(next));
        client.assertInvalidToken(first.access());
    }

    @Test
    void theMetadataDescribesTheFlow() {
        Response metadata = client.request().get("/.well-known/oauth-authorization-server");
        metadata.then().statusCode(200)
                .body("authorization_endpoint", equalTo(metadata.path("issuer") + "/auth/authorize"))
                .body("response_types_supported", equalTo(List.of("code")))
                .body("code_challenge_methods_supported", equalTo(List.of("S256")))
                .body("grant_types_supported", hasItem("authorization_code"))
                .body("grant_types_supported", hasItem("refresh_token"))
                // demo mode, as in these tests, switches the password grant on
                .body("grant_types_supported", hasItem("password"))
                .body("token_endpoint_auth_methods_supported", equalTo(List.of("none")))
                .body("authorization_response_iss_parameter_supported", equalTo(true));
    }

    private void assertRefusedWithoutRedirect(Consumer<Map<String, String>> change) {
        Map<String, String> params = flow.params();
        change.accept(params);
        Response answer = flow.authorize(null, params);
        answer.then().statusCode(400).header("Location", nullValue())
                .contentType(startsWith("text/html"))
                .body(containsString("role=\"alert\""))
                .body(not(containsString("evil.example")));
    }

    private void assertErrorRedirect(Consumer<Map<String, String>> change, String error) {
        Map<String, String> params = flow.params();
        change.accept(params);
        Response answer = flow.authorize(null, params);
        answer.then().statusCode(302).header("Location", startsWith(flow.redirectUri + "?"));
        Map<String, String> back = OAuthFlow.query(answer.header("Location"));
        assertEquals(error, back.get("error"), answer.header("Location"));
        assertEquals(flow.state, back.get("state"));
        assertFalse(back.containsKey("code"));
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

}
