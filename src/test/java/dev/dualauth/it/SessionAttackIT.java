package dev.dualauth.it;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Findings of issue 14 on the session path, each tried as an attacker would: a second login address,
 * credentials and CSRF tokens in the query string, a session id in the URL, anonymous unsafe requests
 * that used to create a session (keeping their body, and replacing the visitor's cookie).
 */
class SessionAttackIT extends ServerIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    @Test
    void thereIsOneLoginAddress() {
        for (String path : new String[] {"/web/x/j_security_check", "/web/j_security_check", "/web/notes/j_security_check"}) {
            Response answer = client.request().contentType(ContentType.URLENC)
                    .formParam("j_username", "alice").formParam("j_password", "alice-demo-password").post(path);
            answer.then().statusCode(404).body(not(containsString("alice")));
            String cookie = Client.sessionOf(answer);
            if (cookie != null) {
                client.session(cookie).get("/web/me").then().statusCode(302);
            }
        }
    }

    /** Over the server's own limit this was a 500 with a stack trace in the log; now the size rule answers. */
    @Test
    void anOversizedOrUnmeasuredFormPostIsRefusedBeforeAnythingReadsIt() {
        String big = "j_username=alice&j_password=" + "a".repeat(3_000_000);
        for (String path : new String[] {"/j_security_check", "/auth/token", "/web/forms/notes"}) {
            client.request().contentType(ContentType.URLENC).body(big).post(path)
                    .then().statusCode(413).body("error", equalTo("request_entity_too_large"));
        }
        client.request().contentType(ContentType.URLENC) // a made-up name: no real account's failures count
                .body("j_username=nobody-" + System.nanoTime() + "&j_password=" + "a".repeat(60_000))
                .post("/j_security_check").then().statusCode(302)
                .header("Location", endsWith("/login-error")); // under the limit: an ordinary failed login
    }

    /**
     * The container builds the login redirect, the redirect back after the login and Location headers from
     * the Host header: a request naming another host gets none of them. Loopback names are answered on
     * any port; the issuer's host too (not tested here: the tests reach the server on loopback).
     */
    @Test
    void aRequestNamingAnotherHostIsRefusedSoNoUrlCanPointThere() {
        for (String path : new String[] {"/web/me", "/web/", "/login", "/ping", "/.well-known/oauth-authorization-server"}) {
            Response answer = client.request().header("Host", "evil.example").get(path);
            answer.then().statusCode(400).body("error", equalTo("bad_request"));
            assertNull(answer.header("Location"), path);
        }
        client.request().header("Host", "localhost:1").get("/ping").then().statusCode(200);
        client.request().header("Host", "127.0.0.1").get("/ping").then().statusCode(200);
    }

    @Test
    void credentialsInTheQueryStringLogNobodyIn() {
        Response answer = client.request().contentType(ContentType.URLENC).urlEncodingEnabled(false)
                .body("").post("/j_security_check?j_username=alice&j_password=alice-demo-password");
        answer.then().statusCode(302).header("Location", equalTo(client.base() + "/login-error"));
        String cookie = Client.sessionOf(answer);
        if (cookie != null) {
            client.session(cookie).get("/web/me").then().statusCode(302);
        }
        // Also when the body carries them too: the URL must not carry a password at all.
        client.request().contentType(ContentType.URLENC).formParam("j_username", "alice")
                .formParam("j_password", "alice-demo-password").post("/j_security_check?j_password=x")
                .then().statusCode(302).header("Location", equalTo(client.base() + "/login-error"));
    }

    @Test
    void aCsrfTokenInTheQueryStringDoesNotCount() {
        String session = client.sessionOf(Personas.ALICE);
        String csrf = client.csrf(session);
        client.session(session).contentType(ContentType.URLENC).accept(ContentType.JSON)
                .formParam("unused", "1").post("/web/logout?_csrf=" + csrf)
                .then().statusCode(403);
        client.session(session).get("/web/me").then().statusCode(200);
        // In the body it does.
        client.session(session).contentType(ContentType.URLENC).accept(ContentType.JSON)
                .formParam("_csrf", csrf).post("/web/logout").then().statusCode(204);
    }

    @Test
    void aSessionIdInTheUrlIsNotASession() {
        String session = client.sessionOf(Personas.ALICE);
        Response answer = client.request().get("/web/me;jsessionid=" + session);
        assertNotEquals(200, answer.statusCode());
        answer.then().body(not(containsString("alice")));
    }

    @Test
    void anAnonymousUnsafeRequestIsRefusedAndCreatesNoSession() {
        String within = "{\"text\":\"" + "a".repeat(60_000) + "\"}";
        for (int i = 0; i < 20; i++) {
            Response answer = client.request().contentType(ContentType.JSON).body(within).post("/web/notes");
            answer.then().statusCode(401).body("error", equalTo("unauthorized"));
            assertNull(Client.sessionOf(answer), "no session for an anonymous POST");
        }
        byte[] big = new byte[1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        Response tooBig = client.request().contentType(ContentType.JSON).body(big).post("/web/notes");
        tooBig.then().statusCode(413);
        assertNull(Client.sessionOf(tooBig), "no session for a body over the limit either");
        Response form = client.request().contentType(ContentType.URLENC).accept(ContentType.HTML)
                .formParam("text", "x").post("/web/notes");
        form.then().statusCode(303).header("Location", endsWith("/login"));
        assertNull(Client.sessionOf(form));
    }

    @Test
    void aCrossSitePostCannotReplaceTheVisitorsCookie() {
        // The Lax cookie is not sent on a cross-site POST: the server sees an anonymous request.
        Response answer = client.request().header("Sec-Fetch-Site", "cross-site").header("Origin", "https://evil.example")
                .contentType(ContentType.URLENC).formParam("text", "x").post("/web/notes");
        answer.then().statusCode(403);
        assertNull(Client.sessionOf(answer), "no Set-Cookie that would log the visitor out");
    }

    @Test
    void anAnonymousPageRequestStillComesBackAfterTheLogin() {
        Response first = client.request().get("/web/notes");
        first.then().statusCode(302).header("Location", equalTo(client.base() + "/login"));
        String preLogin = Client.sessionOf(first);
        Response login = client.formLogin(preLogin, "alice", "alice-demo-password");
        login.then().statusCode(302).header("Location", equalTo(client.base() + "/web/notes"));
        assertEquals(200, client.session(Client.sessionOf(login)).get("/web/notes").statusCode());
    }

    /**
     * Found by FuzzIT: the container decodes the query in the charset the request names, and the FORM
     * mechanism (saving the request) and the login (reading its fields) met the failure as a 500.
     */
    @Test
    void parametersTheContainerCannotDecodeAreABadRequestNotAServerError() {
        // Payara decodes the query in that charset and fails (400 now, a 500 before); WildFly decodes it as UTF-8
        Response page = client.request().urlEncodingEnabled(false).contentType("text/plain; charset=utf-16")
                .get("/web/?state=%00");
        org.junit.jupiter.api.Assertions.assertTrue(page.statusCode() == 400 || page.statusCode() == 302, "GET: " + page.statusCode());
        page.then().body(not(containsString("Exception")));
        Response login = client.request().urlEncodingEnabled(false).contentType("text/plain; charset=utf-16")
                .body("x").post("/j_security_check?j_username=%00");
        org.junit.jupiter.api.Assertions.assertTrue(login.statusCode() == 400 || login.statusCode() == 302, "login: " + login.statusCode());
        login.then().body(not(containsString("Exception")));
        // a form in a charset that is not ASCII-compatible is refused before anything reads it
        client.request().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded; charset=utf-16")
                .body("j_username=%00&j_password=%00").post("/j_security_check")
                .then().statusCode(415).body(not(containsString("Exception")));
    }

    @Test
    void onlyAPageRequestIsKeptForAfterTheLogin() {
        for (String method : new String[] {"OPTIONS", "TRACE"}) {
            Response answer = client.request().request(method, "/web/notes");
            // OPTIONS meets the gate (401); the container may refuse TRACE before it does (405)
            org.junit.jupiter.api.Assertions.assertTrue(answer.statusCode() == 401 || method.equals("TRACE") && answer.statusCode() == 405,
                    method + " answered " + answer.statusCode());
            assertNull(Client.sessionOf(answer), "no session for an anonymous " + method);
        }
        Response big = client.request().header("X-Filler", "f".repeat(5_000)).get("/web/notes");
        big.then().statusCode(302).header("Location", equalTo(client.base() + "/login"));
        assertNull(Client.sessionOf(big), "a request too large to keep: straight to the login page, nothing kept");
        Response page = client.request().get("/web/notes");
        page.then().statusCode(302).header("Location", equalTo(client.base() + "/login"));
        org.junit.jupiter.api.Assertions.assertNotNull(Client.sessionOf(page), "a page request is kept");
    }
}
