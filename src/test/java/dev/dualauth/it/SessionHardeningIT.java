package dev.dualauth.it;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualauth.it.suite.Persistence;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The session path hardened: CSRF tokens, Fetch Metadata and Origin checks, cookie and cache headers,
 * timeouts, brute-force throttling over both login routes, and answers that do not reveal accounts.
 */
class SessionHardeningIT extends ServerIT {

    static final String PASSWORD = "hardening-password-1234";
    static final String ATTACKER = "https://attacker.example";

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.packagedWar();
    }

    // --- CSRF ----------------------------------------------------------------------------------------

    @Test
    void theCsrfTokenBelongsToOneSessionAndIsRenewedAtLogin() {
        String first = client.sessionOf(Personas.ALICE);
        String token = client.csrf(first);
        assertEquals(token, client.csrf(first));
        assertNotEquals(token, client.csrf(client.sessionOf(Personas.ALICE)));

        Response again = client.formLogin(first, "alice", "alice-demo-password");
        again.then().statusCode(302);
        String renewed = Client.sessionOf(again);
        assertNotEquals(first, renewed);
        assertNotEquals(token, client.csrf(renewed));
        client.request().get("/web/csrf").then().statusCode(302);
    }

    @Test
    void unsafeRequestsWithoutTheRightTokenAreForbiddenAndChangeNothing() {
        String session = client.sessionOf(Personas.ALICE);
        String otherSessionsToken = client.csrf(client.sessionOf(Personas.ALICE));
        int before = notesOf(session).size();

        postNote(client.session(session), "no token").then().statusCode(403).body("error", equalTo("forbidden"));
        postNote(client.session(session).header(Client.CSRF_HEADER, "wrong"), "wrong token").then().statusCode(403);
        postNote(client.session(session).header(Client.CSRF_HEADER, otherSessionsToken), "foreign token").then().statusCode(403);
        assertEquals(before, notesOf(session).size());

        String id = postNote(client.sessionWithCsrf(session), "with token").then().statusCode(201).extract().path("id");
        client.session(session).delete("/web/notes/" + id).then().statusCode(403);
        assertTrue(notesOf(session).contains(id));
        client.session(session).post("/web/logout").then().statusCode(403);
        client.session(session).get("/web/me").then().statusCode(200);
    }

    @Test
    void aPlainHtmlFormSendsTheTokenAsAFormField() {
        String session = client.sessionOf(Personas.ALICE);
        client.session(session).get("/web/").then().statusCode(200)
                .body(containsString("name=\"_csrf\" value=\"" + client.csrf(session) + "\""));
        client.session(session).accept("text/html,application/xhtml+xml").contentType(ContentType.URLENC)
                .formParam("_csrf", client.csrf(session))
                .post("/web/logout")
                .then().statusCode(303).header("Location", equalTo(client.base() + "/login"));
        client.session(session).get("/web/me").then().statusCode(302);
    }

    @Test
    void crossSiteRequestsAreForbiddenEvenWithTheToken() {
        String session = client.sessionOf(Personas.ALICE);
        postNote(client.sessionWithCsrf(session).header("Origin", ATTACKER), "x").then().statusCode(403);
        postNote(client.sessionWithCsrf(session).header("Origin", "null"), "x").then().statusCode(403);
        postNote(client.sessionWithCsrf(session).header("Sec-Fetch-Site", "cross-site"), "x").then().statusCode(403);
        postNote(client.sessionWithCsrf(session).header("Sec-Fetch-Site", "same-site"), "x").then().statusCode(403);
        postNote(client.sessionWithCsrf(session).header("Sec-Fetch-Site", "same-origin").header("Origin", client.base()), "ok")
                .then().statusCode(201);
        postNote(client.sessionWithCsrf(session).header("Origin", client.base()), "ok").then().statusCode(201);
    }

    @Test
    void aLoginPostFromAnotherSiteIsForbidden() {
        Response fromOrigin = client.formLogin(client.request().header("Origin", ATTACKER), "alice", "alice-demo-password");
        fromOrigin.then().statusCode(403);
        String cookie = Client.sessionOf(fromOrigin);
        if (cookie != null) {
            client.session(cookie).get("/web/me").then().statusCode(302);
        }
        client.formLogin(client.request().header("Sec-Fetch-Site", "cross-site"), "alice", "alice-demo-password")
                .then().statusCode(403);
        client.formLogin(client.request().header("Sec-Fetch-Site", "same-origin"), "alice", "alice-demo-password")
                .then().statusCode(302);
    }

    /**
     * An attacker's page, open in the victim's logged-in browser, tries what such pages try: a
     * cross-site form post, a "simple" text/plain post shaped like JSON, and a credentialed fetch that
     * guesses no token. The browser adds the victim's cookie and its own Origin and Sec-Fetch headers.
     */
    @Test
    void anAttackerPageCannotActForTheLoggedInVictim() {
        String victim = client.sessionOf(Personas.ALICE);
        int notesBefore = notesOf(victim).size();

        attackerBrowser(victim).contentType(ContentType.URLENC).formParam("text", "pwned").post("/web/notes")
                .then().statusCode(403);
        attackerBrowser(victim).contentType("text/plain").body("{\"text\":\"pwned\"}").post("/web/notes")
                .then().statusCode(403);
        attackerBrowser(victim).contentType(ContentType.JSON).body("{\"current\":\"x\",\"new\":\"attacker-chosen-password\"}")
                .post("/web/me/password").then().statusCode(403);
        attackerBrowser(victim).post("/web/me/logout-all").then().statusCode(403);
        attackerBrowser(victim).post("/web/logout").then().statusCode(403);
        // an old browser without Fetch Metadata sends only Origin; a same-looking request without token fails too
        client.session(victim).header("Origin", ATTACKER).contentType(ContentType.URLENC).formParam("text", "pwned")
                .post("/web/notes").then().statusCode(403);
        client.session(victim).contentType(ContentType.JSON).body("{\"text\":\"pwned\"}")
                .post("/web/notes").then().statusCode(403);

        client.session(victim).get("/web/me").then().statusCode(200).body("name", equalTo("alice"));
        assertEquals(notesBefore, notesOf(victim).size());
        client.bearer(Personas.ALICE).get("/api/notes").then().body("text", not(hasItem("pwned")));
    }

    // --- cookies, headers, timeouts ------------------------------------------------------------------

    @Test
    void authenticatedAnswersAreNeverStoredAndEveryAnswerCarriesTheSecurityHeaders() {
        String session = client.sessionOf(Personas.ALICE);
        for (Response r : List.of(client.session(session).get("/web/me"),
                client.bearer(Personas.ALICE).get("/api/me"),
                client.request().get("/api/me"),
                client.session(session).post("/web/notes"))) {
            r.then().header("Cache-Control", "no-store");
        }
        for (Response r : List.of(client.request().get("/ping"), client.request().get("/login"),
                client.request().get("/api/me"), client.request().get("/web/me"), client.request().get("/nope"))) {
            r.then().header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        }
    }

    @Test
    void theSessionHasTheConfiguredIdleTimeoutAndAbsoluteLifetime() {
        Instant before = Instant.now();
        String session = client.sessionOf(Personas.ALICE);
        Response me = client.session(session).get("/web/me");
        me.then().statusCode(200).body("session.idleTimeoutSeconds", equalTo(900));
        Instant expires = Instant.parse(me.path("session.expiresAt"));
        Duration lifetime = Duration.between(before, expires);
        assertTrue(lifetime.compareTo(Duration.ofHours(8).minusMinutes(1)) > 0 && lifetime.compareTo(Duration.ofHours(8).plusMinutes(1)) < 0,
                "absolute lifetime " + lifetime);
        client.bearer(Personas.ALICE).get("/api/me").then().body("session", nullValue());
    }

    @Test
    @Persistence
    void anAdminCanEndAllSessionsOfAUser() {
        String user = client.newUser(PASSWORD);
        String session = client.sessionOf(user, PASSWORD);
        client.bearer(Personas.ADMIN).post("/api/admin/accounts/" + user + "/logout").then().statusCode(204);
        client.session(session).get("/web/me").then().statusCode(302);
        client.sessionOf(user, PASSWORD);
    }

    // --- brute force and enumeration -----------------------------------------------------------------

    @Test
    void repeatedFailuresOverBothRoutesLockTheNameForAWhile() throws InterruptedException {
        String user = client.newUser(PASSWORD);
        for (int i = 0; i < 3; i++) {
            client.passwordGrant(user, "wrong-" + i).then().statusCode(400).body("error", equalTo("invalid_grant"));
        }
        for (int i = 0; i < 2; i++) {
            client.formLogin(user, "wrong-" + i).then().statusCode(302)
                    .header("Location", equalTo(client.base() + "/login-error"));
        }
        // now locked: even the right password is refused, with 429 on the token path ...
        Response locked = client.passwordGrant(user, PASSWORD);
        locked.then().statusCode(429).body("error", equalTo("too_many_requests"));
        int retryAfter = Integer.parseInt(locked.getHeader("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 900, "Retry-After " + retryAfter);
        // ... and the normal error page on the form
        client.formLogin(user, PASSWORD).then().statusCode(302)
                .header("Location", equalTo(client.base() + "/login-error"));
        // once the lock has passed the right password works again (and resets the count)
        Instant deadline = Instant.now().plusSeconds(retryAfter + 10L);
        int status;
        do {
            Thread.sleep(250);
            status = client.passwordGrant(user, PASSWORD).getStatusCode();
        } while (status == 429 && Instant.now().isBefore(deadline));
        assertEquals(200, status);
        client.passwordGrant(user, "wrong-again").then().statusCode(400);
        client.passwordGrant(user, PASSWORD).then().statusCode(200);
    }

    @Test
    void unknownNamesAreLockedAlikeSoTheLockRevealsNothing() {
        String unknown = "nobody-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            client.passwordGrant(unknown, "guess-" + i).then().statusCode(400).body("error", equalTo("invalid_grant"));
        }
        client.passwordGrant(unknown, "guess-5").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void unknownNamesTakeAboutAsLongAsWrongPasswords() {
        String user = client.newUser(PASSWORD);
        List<Long> wrong = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            wrong.add(timed(() -> client.passwordGrant(user, "wrong-" + UUIDs.next()).then().statusCode(400)));
            unknown.add(timed(() -> client.passwordGrant("nobody-" + UUIDs.next(), "wrong").then().statusCode(400)));
        }
        long wrongMedian = median(wrong);
        long unknownMedian = median(unknown);
        assertTrue(unknownMedian * 2 >= wrongMedian,
                "unknown user " + unknownMedian + " ms vs wrong password " + wrongMedian + " ms");
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** Unique suffixes. */
    static final class UUIDs {
        static String next() {
            return java.util.UUID.randomUUID().toString().substring(0, 8);
        }
    }

    private io.restassured.specification.RequestSpecification attackerBrowser(String victimSession) {
        return client.session(victimSession).header("Origin", ATTACKER).header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "no-cors");
    }

    private static Response postNote(io.restassured.specification.RequestSpecification as, String text) {
        return as.contentType(ContentType.JSON).body("{\"text\":\"" + text + "\"}").post("/web/notes");
    }

    // --- the session binding (more than the session id's own random bits) ---------------------------

    @Test
    void aSessionIdWithoutItsBindingCookieAuthenticatesNothingAndLeavesTheSessionAlone() {
        String session = client.sessionOf(Personas.ALICE);
        String csrf = client.csrf(session);
        String id = Client.idOf(session);
        int before = notesOf(session).size();
        for (String stolen : new String[] {id, id + " " + "A".repeat(43), id + " " + Client.bindingOf(session).substring(1)}) {
            client.session(stolen).get("/web/me")
                    .then().statusCode(302).header("Location", equalTo(client.base() + "/login"))
                    .header("Set-Cookie", nullValue());
            client.session(stolen).header(Client.CSRF_HEADER, csrf).contentType(ContentType.JSON)
                    .body("{\"text\":\"by whoever guessed the id\"}").post("/web/notes")
                    .then().statusCode(401);
            client.session(stolen).get("/web/csrf").then().statusCode(302);
        }
        // a login POST with the id alone does not touch the session either (a login changes the session id)
        Response login = client.formLogin(id, "alice", "alice-demo-password");
        login.then().statusCode(302).header("Location", equalTo(client.base() + "/login"));
        String dropped = login.getCookie(Client.SESSION_COOKIE); // Payara writes it empty, WildFly as ""
        assertTrue("".equals(dropped) || "\"\"".equals(dropped), "the browser is told to drop the cookie: " + dropped);
        assertEquals(before, notesOf(session).size(), "nothing was written with the id alone");
        client.session(session).get("/web/me").then().statusCode(200).body("name", equalTo("alice"));
        assertEquals(csrf, client.csrf(session), "the session is as it was");
    }

    @Test
    void aFailedLoginInALoggedInSessionDoesNotEndIt() {
        String password = "kept-" + java.util.UUID.randomUUID();
        String name = client.newUser(password); // its one failure counts for a throwaway name, not alice
        String session = client.sessionOf(name, password);
        Response wrong = client.formLogin(session, name, "not-the-password");
        wrong.then().statusCode(302).header("Location", equalTo(client.base() + "/login-error"));
        String renewed = Client.sessionOf(wrong);
        assertNotEquals(Client.idOf(session), Client.idOf(renewed), "the login POST changed the id");
        assertEquals(Client.bindingOf(session), Client.bindingOf(renewed), "and kept the key");
        client.session(renewed).get("/web/me").then().statusCode(200).body("name", equalTo(name));
    }

    @Test
    void everyLoginBindsItsSessionWithItsOwn256RandomBitsInAnHttpOnlyLaxCookie() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.Set<String> bindings = new java.util.HashSet<>();
        int logins = 40;
        for (int i = 0; i < logins; i++) {
            Response login = client.formLogin("alice", "alice-demo-password");
            login.then().statusCode(302);
            String binding = login.getCookie(Client.BINDING_COOKIE);
            assertNotNull(binding, "the login sets the binding cookie");
            assertTrue(binding.matches("[A-Za-z0-9_-]{43}"), "256 bits in base64url: " + binding.length() + " characters");
            io.restassured.http.Cookie cookie = login.getDetailedCookie(Client.BINDING_COOKIE);
            assertTrue(cookie.isHttpOnly(), "HttpOnly");
            assertEquals("/", cookie.getPath());
            assertEquals("Lax", cookie.getSameSite());
            assertEquals(-1, cookie.getMaxAge(), "a browser-session cookie, like the session id");
            ids.add(login.getCookie(Client.SESSION_COOKIE));
            bindings.add(binding);
        }
        assertEquals(logins, ids.size(), "distinct session ids");
        assertEquals(logins, bindings.size(), "distinct binding values");
    }

    private List<String> notesOf(String session) {
        List<String> ids = client.session(session).get("/web/notes").then().statusCode(200).extract().path("id");
        assertNotNull(ids);
        return ids;
    }
}
