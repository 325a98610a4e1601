package dev.dualauth.it;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualauth.it.suite.Persistence;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The session path: FORM login at {@code /j_security_check}, the session cookie, {@code /web/**}. The
 * persona × endpoint matrix and the anonymous refusals, shared with the token path, are in
 * {@link AccessMatrixIT}.
 */
class SessionPathIT extends ServerIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.packagedWar();
    }

    @Test
    void loginDialogResumesTheRequestedPageWithANewSessionId() {
        // 1. a protected page without a session: redirect to the login page
        Response first = client.request().get("/web/notes");
        first.then().statusCode(302).header("Location", equalTo(client.base() + "/login"));
        String before = Client.sessionOf(first);
        assertNotNull(before, "the saved request lives in a session");

        // 2. the login page is a plain form
        client.request().get("/login")
                .then().statusCode(200).contentType(ContentType.HTML)
                .header("Cache-Control", "no-store")
                .body(containsString("action=\"j_security_check\""))
                .body(containsString("name=\"j_username\""))
                .body(containsString("name=\"j_password\""))
                .body(containsString("<label for=\"j_password\""));

        // 3. the login POST itself changes the session id and goes back to the page asked for
        Response login = client.formLogin(before, "alice", "alice-demo-password");
        login.then().statusCode(302).header("Location", equalTo(client.base() + "/web/notes"));
        String after = Client.sessionOf(login);
        assertNotNull(after, "a new session cookie is set on the login POST");
        assertNotEquals(before, after);
        login.then()
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsStringIgnoringCase("SameSite=Lax"))
                .header("Location", not(containsStringIgnoringCase("jsessionid")));

        // 4. the new id authenticates, the old one does not (session fixation)
        client.session(after).get("/web/notes").then().statusCode(200);
        client.session(after).get("/web/me").then().statusCode(200).body("name", equalTo("alice"));
        client.session(before).get("/web/me").then().statusCode(302).header("Location", equalTo(client.base() + "/login"));
    }

    /**
     * The login is recorded in the session before its redirect leaves: the request the redirect leads to,
     * sent at once, finds the gate's login, not a half-done one. Before the redirect was held back, WildFly
     * sent it while the login request was still storing the caller; the page was then served through the
     * mechanism's own saved login, and the session, logged out everywhere afterwards, answered 403 where an
     * ended session goes to the login page (about one login in eight on WildFly; the browser test caught it).
     */
    @Test
    @Persistence
    void aLoginIsRecordedBeforeItsRedirectLeavesSoItsSessionEndsLikeAnyOther() {
        String password = "recorded-" + UUID.randomUUID();
        String name = client.newUser(password);
        for (int round = 0; round < 25; round++) {
            Response asked = client.request().get("/web/me");
            asked.then().statusCode(302);
            Response login = client.formLogin(Client.sessionOf(asked), name, password);
            login.then().statusCode(302).header("Location", equalTo(client.base() + "/web/me"));
            String session = Client.sessionOf(login);
            client.session(session).get("/web/me").then().statusCode(200).body("name", equalTo(name));
            client.sessionWithCsrf(session).post("/web/me/logout-all").then().statusCode(204);
            client.session(session).get("/web/me")
                    .then().statusCode(302).header("Location", equalTo(client.base() + "/web/me"));
            client.session(session).get("/web/me")
                    .then().statusCode(302).header("Location", equalTo(client.base() + "/login"));
        }
    }

    /**
     * A page request with a session that was ended (here by logout everywhere) ends it and is sent to itself
     * again, making no session in that request (on WildFly a session made in the request that invalidated
     * another is never closed: it leaked a lock per request and held every undeploy for 60 s). The request
     * after it is an ordinary anonymous one, kept for after the login: nothing of what was asked is lost.
     */
    @Test
    void anEndedSessionsPageRequestIsAskedAgainAndKeptForAfterTheNextLogin() {
        String password = "ended-" + UUID.randomUUID();
        String name = client.newUser(password);
        String session = client.sessionOf(name, password);
        client.sessionWithCsrf(session).post("/web/me/logout-all").then().statusCode(204);

        Response ended = client.session(session).get("/web/notes?from=ended");
        ended.then().statusCode(302).header("Location", equalTo(client.base() + "/web/notes?from=ended"));
        // no new session: no cookie, an empty one (Payara), or the ended one's id with a past expiry (WildFly)
        String made = ended.getCookie(Client.SESSION_COOKIE);
        assertTrue(made == null || made.isEmpty() || "\"\"".equals(made) || made.equals(Client.idOf(session)),
                "the request that ended the session makes none: " + ended.getHeaders().getValues("Set-Cookie"));
        Response again = client.session(session).get("/web/notes?from=ended");
        again.then().statusCode(302).header("Location", equalTo(client.base() + "/login"));
        Response login = client.formLogin(Client.sessionOf(again), name, password);
        login.then().statusCode(302).header("Location", equalTo(client.base() + "/web/notes?from=ended"));
        client.session(Client.sessionOf(login)).get("/web/notes?from=ended").then().statusCode(200);
    }

    @Test
    void anAttackerPlantedSessionIdIsWorthlessAfterTheVictimLogsIn() {
        String planted = client.request().get("/web/me").getCookie(Client.SESSION_COOKIE);
        Response login = client.formLogin(planted, "alice", "alice-demo-password");
        login.then().statusCode(302);
        assertNotEquals(planted, Client.sessionOf(login));
        client.session(planted).get("/web/me").then().statusCode(302);
    }

    @Test
    void directLoginWithoutAPageAskedForLandsOnWebHome() {
        Response login = client.formLogin("admin", "admin-demo-password");
        login.then().statusCode(302).header("Location", equalTo(client.base() + "/web/"));
        client.session(Client.sessionOf(login)).get("/web/")
                .then().statusCode(200).contentType(ContentType.HTML).body(containsString("<span id=\"who\">admin</span>"));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameLoginErrorPage() {
        Response wrong = client.formLogin("alice", "not-her-password");
        Response unknown = client.formLogin(Personas.NOBODY.username, "not-her-password");
        wrong.then().statusCode(302).header("Location", equalTo(client.base() + "/login-error"));
        unknown.then().statusCode(302).header("Location", equalTo(client.base() + "/login-error"));
        assertEquals(wrong.getStatusCode(), unknown.getStatusCode());
        assertEquals(wrong.getHeader("Location"), unknown.getHeader("Location"));
        client.request().get("/login-error")
                .then().statusCode(200).body(containsString("Wrong user name or password"));
        String sessionAfterFailure = Client.sessionOf(wrong);
        if (sessionAfterFailure != null) {
            client.session(sessionAfterFailure).get("/web/me").then().statusCode(302);
        }
    }

    @Test
    void loginPostWithoutCredentialsIsALoginError() {
        client.request().contentType(ContentType.URLENC).formParam("j_username", "alice").post("/j_security_check")
                .then().statusCode(302).header("Location", equalTo(client.base() + "/login-error"));
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        String session = client.sessionOf(Personas.ALICE);
        Response logout = client.sessionWithCsrf(session).post("/web/logout");
        logout.then().statusCode(204);
        java.util.List<String> cleared = logout.getHeaders().getValues("Set-Cookie");
        // emptied and expired: Payara writes "NAME=; Expires=…", WildFly "NAME=\"\"; …; Expires=…"
        for (String name : new String[] {Client.SESSION_COOKIE, Client.BINDING_COOKIE}) {
            org.junit.jupiter.api.Assertions.assertTrue(cleared.stream().anyMatch(c -> (c.startsWith(name + "=;")
                    || c.startsWith(name + "=\"\";")) && c.contains("Expires=Thu, 01-Jan-1970")), name + " cleared: " + cleared);
        }
        client.session(session).get("/web/me").then().statusCode(302);
    }

    @Test
    @Persistence
    void notesAreTheSameOnBothPaths() {
        String session = client.sessionOf(Personas.ALICE);
        String text = "web note " + System.nanoTime();
        String id = client.sessionWithCsrf(session).contentType(ContentType.JSON).body("{\"text\":\"" + text + "\"}")
                .post("/web/notes")
                .then().statusCode(201).body("text", equalTo(text)).body("id", notNullValue())
                .extract().path("id");
        client.bearer(Personas.ALICE).get("/api/notes").then().statusCode(200).body("id", hasItem(id));
        client.sessionWithCsrf(session).delete("/web/notes/" + id).then().statusCode(204);
        client.session(session).get("/web/notes").then().statusCode(200).body("id", not(hasItem(id)));
    }

    @Test
    void rolesStayCorrectUnderConcurrentRequestsOfOneSession() throws Exception {
        String session = client.sessionOf(Personas.ADMIN);
        int requests = 200;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                calls.add(() -> client.session(session).get("/web/admin/accounts").getStatusCode());
            }
            List<Integer> wrong = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                if (f.get() != 200) {
                    wrong.add(f.get());
                }
            }
            assertEquals(List.of(), wrong, "statuses other than 200 among " + requests + " concurrent admin requests");
        } finally {
            pool.shutdownNow();
        }
    }
}
