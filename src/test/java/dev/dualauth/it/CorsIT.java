package dev.dualauth.it;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * CORS for browser applications on other origins (configured per origin, here the browser tests' other
 * origin): the token path answers preflights and exposes its challenge, never with credentials; the
 * session path never shares anything. And {@code dualauth.session.allowed-origins}, which must hold even
 * though browsers send {@code Sec-Fetch-Site: same-site}/{@code cross-site} for such an origin.
 */
class CorsIT extends ServerIT {

    static final String ALLOWED = System.getProperty("dualauth.it.other-origin");
    static final String OTHER = "https://evil.example";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    private RequestSpecification preflight(String origin, String method, String headers) {
        return client.request().header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers);
    }

    @Test
    void anAllowedOriginGetsThePreflightOfTheTokenEndpointWithoutCredentials() {
        for (String path : new String[] {"/auth/token", "/auth/revoke"}) {
            preflight(ALLOWED, "POST", "content-type").options(path)
                    .then().statusCode(204)
                    .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                    .header("Access-Control-Allow-Methods", equalTo("POST"))
                    .header("Access-Control-Allow-Headers", containsString("Content-Type"))
                    .header("Access-Control-Allow-Credentials", nullValue())
                    .header("Access-Control-Max-Age", equalTo("600"))
                    .header("Vary", containsString("Origin"));
        }
    }

    @Test
    void anAllowedOriginGetsThePreflightOfTheApiWithTheAuthorizationHeader() {
        preflight(ALLOWED, "DELETE", "authorization").options("/api/notes/123")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Allow-Methods", equalTo("GET, POST, DELETE"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Credentials", nullValue());
        // A method the API does not have is refused.
        preflight(ALLOWED, "PUT", "authorization").options("/api/notes")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void anotherOriginGetsNoCorsAnswer() {
        for (String path : new String[] {"/auth/token", "/api/me", "/.well-known/jwks.json"}) {
            preflight(OTHER, "POST", "content-type").options(path)
                    .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        }
        client.request().header("Origin", OTHER).get("/.well-known/jwks.json")
                .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
        client.request().header("Origin", OTHER).get("/api/me")
                .then().statusCode(401).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theApiSharesItsAnswersAndChallengeWithAnAllowedOrigin() {
        client.request().header("Origin", ALLOWED).get("/api/me")
                .then().statusCode(401)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Expose-Headers", containsString("WWW-Authenticate"))
                .header("Access-Control-Allow-Credentials", nullValue());
        client.bearer(Personas.ALICE).header("Origin", ALLOWED).get("/api/me")
                .then().statusCode(200).body("name", equalTo("alice"))
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED));
        client.request().header("Origin", ALLOWED).get("/.well-known/oauth-authorization-server")
                .then().statusCode(200).header("Access-Control-Allow-Origin", equalTo(ALLOWED));
        client.request().header("Origin", ALLOWED).contentType(ContentType.URLENC)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", "unknown").post("/auth/token")
                .then().statusCode(400).header("Access-Control-Allow-Origin", equalTo(ALLOWED));
    }

    @Test
    void theSessionPathIsNeverShared() {
        String session = client.sessionOf(Personas.ALICE);
        client.session(session).header("Origin", ALLOWED).get("/web/me")
                .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
        preflight(ALLOWED, "POST", "content-type,x-csrf-token").options("/web/notes")
                .then().header("Access-Control-Allow-Origin", nullValue()).header("Access-Control-Allow-Methods", nullValue());
        preflight(ALLOWED, "GET", "").options("/auth/authorize")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void anAllowedSessionOriginMayPostWithTheCsrfTokenAsBrowsersSendIt() {
        String session = client.sessionOf(Personas.ALICE);
        String csrf = client.csrf(session);
        String text = "from the allowed origin " + System.nanoTime();
        for (String site : new String[] {"same-site", "cross-site"}) {
            client.session(session).header(Client.CSRF_HEADER, csrf).header("Origin", ALLOWED)
                    .header("Sec-Fetch-Site", site).contentType(ContentType.JSON).body("{\"text\":\"" + text + "\"}")
                    .post("/web/notes").then().statusCode(201);
        }
        // Not another origin, and not the allowed one without the token.
        client.session(session).header(Client.CSRF_HEADER, csrf).header("Origin", OTHER).header("Sec-Fetch-Site", "cross-site")
                .contentType(ContentType.JSON).body("{\"text\":\"x\"}").post("/web/notes").then().statusCode(403);
        client.session(session).header("Origin", ALLOWED).header("Sec-Fetch-Site", "same-site")
                .contentType(ContentType.JSON).body("{\"text\":\"x\"}").post("/web/notes").then().statusCode(403);
        client.session(session).get("/web/notes").then().statusCode(200)
                .body("findAll { it.text == 'x' }.size()", equalTo(0))
                .body(not(containsString("\"x\"")));
    }
}
