package dev.dualauth.it;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualauth.it.suite.Persistence;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The browser pages over HTTP: the session page {@code /web/} and its plain HTML forms
 * ({@code /web/forms/...}, post/redirect/get), the static files of {@code /app/} and {@code /assets/},
 * and each path's Content Security Policy. What a browser does with them is the Selenium tests' part.
 */
class WebPagesIT extends ServerIT {

    static final String PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    static final String JSON_CSP = "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String PASSWORD = "web-pages-password-1234";

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.packagedWar();
    }

    // --- the session page ----------------------------------------------------------------------------

    @Test
    void theSessionPageShowsWhoAndHowAndHasEveryForm() {
        // a user of its own, whose notes no other test writes (some test markup that must stay escaped)
        String user = client.newUser(PASSWORD);
        String session = client.sessionOf(user, PASSWORD);
        String csrf = client.csrf(session);
        addNote(client.session(session), csrf, "a plain note").then().statusCode(303);
        String html = client.session(session).get("/web/")
                .then().statusCode(200).contentType(ContentType.HTML)
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", PAGE_CSP)
                .extract().asString();
        assertTrue(html.contains("<span id=\"who\">" + user + "</span>"), html);
        assertTrue(html.contains("id=\"way\""), html);
        for (String id : List.of("note-form", "note-text", "add-note", "notes", "password-form", "current-password",
                "new-password", "change-password", "logout", "logout-all", "status", "error")) {
            assertTrue(html.contains("id=\"" + id + "\""), "#" + id + " missing");
        }
        assertTrue(html.contains("action=\"/web/forms/notes\""));
        assertTrue(html.contains("action=\"/web/forms/password\""));
        assertTrue(html.contains("action=\"/web/logout\""));
        assertTrue(html.contains("action=\"/web/me/logout-all\""));
        assertTrue(html.contains("<span class=\"note-text\">a plain note</span>"), html);
        assertTrue(html.contains("class=\"delete-note"), html);
        // every form (add, password, logout, logout-all, and one per note) carries the token
        assertEquals(count(html, "<form "), count(html, "name=\"_csrf\" value=\"" + csrf + "\""));
        assertNoInlineScriptOrStyle(html);
    }

    @Test
    void aFormPostWithoutTheCsrfFieldIsForbiddenAndAddsNothing() {
        String session = client.sessionOf(Personas.ALICE);
        String text = "no token " + System.nanoTime();
        addNote(client.session(session), null, text).then().statusCode(403);
        addNote(client.session(session), "wrong", text).then().statusCode(403);
        addNote(client.session(session), client.csrf(client.sessionOf(Personas.ALICE)), text).then().statusCode(403);
        client.session(session).get("/web/notes").then().statusCode(200).body("text", not(hasItem(text)));
        client.bearer(Personas.ALICE).get("/api/notes").then().body("text", not(hasItem(text)));
    }

    @Test
    void aFormPostFromAnotherSiteIsForbiddenEvenWithTheToken() {
        String session = client.sessionOf(Personas.ALICE);
        String text = "cross-site " + System.nanoTime();
        addNote(client.session(session).header("Sec-Fetch-Site", "cross-site"), client.csrf(session), text)
                .then().statusCode(403);
        addNote(client.session(session).header("Origin", "https://attacker.example"), client.csrf(session), text)
                .then().statusCode(403);
        client.session(session).get("/web/notes").then().body("text", not(hasItem(text)));
    }

    @Test
    @Persistence
    void addingANoteByFormRedirectsBackToThePageWhichShowsItOnce() {
        String session = client.sessionOf(Personas.ALICE);
        String text = "form note " + System.nanoTime();
        addNote(client.session(session), client.csrf(session), text)
                .then().statusCode(303).header("Location", equalTo(client.base() + "/web/"));
        client.session(session).get("/web/notes").then().statusCode(200).body("text", hasItem(text));
        client.bearer(Personas.ALICE).get("/api/notes").then().body("text", hasItem(text));
        String page = client.session(session).get("/web/").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<span class=\"note-text\">" + text + "</span>"), page);
        assertTrue(page.contains("role=\"status\">Note added.</p>"), page);
        // the message is shown once: a reload does not repeat it
        assertTrue(client.session(session).get("/web/").asString().contains("role=\"status\"></p>"));
    }

    @Test
    @Persistence
    void aNoteIsShownEscapedOnThePageAndUnchangedInJson() {
        String session = client.sessionOf(Personas.ALICE);
        String text = "<script>alert(\"x\")</script> & <img src=x onerror='y'> " + System.nanoTime();
        addNote(client.session(session), client.csrf(session), text).then().statusCode(303);
        client.session(session).get("/web/notes").then().body("text", hasItem(text));
        String page = client.session(session).get("/web/").asString();
        assertFalse(page.contains("<script>alert"), "the note's markup reached the page");
        assertFalse(page.contains("<img src=x"), "the note's markup reached the page");
        assertTrue(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=&#39;y&#39;&gt;"),
                page);
    }

    @Test
    void anEmptyOrTooLongNoteIsRefusedWithAMessage() {
        String session = client.sessionOf(Personas.ALICE);
        int before = client.session(session).get("/web/notes").path("size()");
        addNote(client.session(session), client.csrf(session), "   ").then().statusCode(303);
        assertTrue(client.session(session).get("/web/").asString().contains("role=\"alert\">A note needs some text"));
        addNote(client.session(session), client.csrf(session), "x".repeat(2001)).then().statusCode(303);
        assertTrue(client.session(session).get("/web/").asString().contains("role=\"alert\">A note needs some text"));
        assertEquals(before, (int) client.session(session).get("/web/notes").path("size()"));
    }

    @Test
    @Persistence
    void deletingByFormRemovesOnlyTheCallersOwnNote() {
        String session = client.sessionOf(Personas.ALICE);
        String text = "to delete " + System.nanoTime();
        addNote(client.session(session), client.csrf(session), text).then().statusCode(303);
        String id = client.session(session).get("/web/notes").path("find { it.text == '" + text + "' }.id");
        assertTrue(client.session(session).get("/web/").asString().contains("action=\"/web/forms/notes/" + id + "/delete\""));

        // another user's form cannot delete it
        String admin = client.sessionOf(Personas.ADMIN);
        deleteNote(client.session(admin), client.csrf(admin), id).then().statusCode(303);
        assertTrue(client.session(admin).get("/web/").asString().contains("role=\"alert\">That note does not exist"));
        // nor a form without the token
        deleteNote(client.session(session), null, id).then().statusCode(403);
        client.session(session).get("/web/notes").then().body("id", hasItem(id));

        deleteNote(client.session(session), client.csrf(session), id)
                .then().statusCode(303).header("Location", equalTo(client.base() + "/web/"));
        client.session(session).get("/web/notes").then().body("id", not(hasItem(id)));
        assertTrue(client.session(session).get("/web/").asString().contains("role=\"status\">Note deleted.</p>"));
    }

    @Test
    @Persistence
    void changingThePasswordByFormEndsEveryOtherLoginAndKeepsThisOne() {
        String user = client.newUser(PASSWORD);
        String session = client.sessionOf(user, PASSWORD);
        String other = client.sessionOf(user, PASSWORD);
        String token = client.login(user, PASSWORD).access();
        String csrf = client.csrf(session);

        changePassword(session, csrf, "not-the-password", "orchid-tram-violet-58").then().statusCode(303);
        assertTrue(client.session(session).get("/web/").asString().contains("role=\"alert\">The current password is wrong."));
        changePassword(session, csrf, PASSWORD, "short").then().statusCode(303);
        assertTrue(client.session(session).get("/web/").asString()
                .contains("role=\"alert\">The new password was not accepted: passwords need at least 12 characters."));
        changePassword(session, csrf, PASSWORD, "my-" + user + "-is-long").then().statusCode(303);
        assertTrue(client.session(session).get("/web/").asString()
                .contains("role=\"alert\">The new password was not accepted: passwords may not contain the user name."));
        client.session(other).get("/web/me").then().statusCode(200); // nothing changed yet

        changePassword(session, csrf, PASSWORD, "orchid-tram-violet-58")
                .then().statusCode(303).header("Location", equalTo(client.base() + "/web/"));
        assertTrue(client.session(session).get("/web/").asString().contains("role=\"status\">Password changed."));
        client.session(session).get("/web/me").then().statusCode(200);
        client.session(other).get("/web/me").then().statusCode(302);
        client.assertInvalidToken(token);
        client.formLogin(user, PASSWORD).then().header("Location", equalTo(client.base() + "/login-error"));
        client.sessionOf(user, "orchid-tram-violet-58");
    }

    @Test
    void aPasswordFormWithoutTheTokenChangesNothing() {
        String user = client.newUser(PASSWORD);
        String session = client.sessionOf(user, PASSWORD);
        changePassword(session, null, PASSWORD, "attacker-chosen-password").then().statusCode(403);
        client.sessionOf(user, PASSWORD);
    }

    @Test
    @Persistence
    void logoutEverywhereByFormGoesToTheLoginPageAndEndsEverySession() {
        String user = client.newUser(PASSWORD);
        String session = client.sessionOf(user, PASSWORD);
        String other = client.sessionOf(user, PASSWORD);
        client.session(session).accept("text/html,application/xhtml+xml").contentType(ContentType.URLENC)
                .formParam("_csrf", client.csrf(session))
                .post("/web/me/logout-all")
                .then().statusCode(303).header("Location", equalTo(client.base() + "/login"));
        client.session(session).get("/web/me").then().statusCode(302);
        client.session(other).get("/web/me").then().statusCode(302);
        // a script still gets the JSON contract's 204
        String again = client.sessionOf(user, PASSWORD);
        client.sessionWithCsrf(again).post("/web/me/logout-all").then().statusCode(204);
    }

    // --- login pages, static files, CSP --------------------------------------------------------------

    @Test
    void theLoginPagesHaveTheIdsTheStylesheetAndAnAnnouncedError() {
        String login = client.request().get("/login").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .extract().asString();
        for (String part : List.of("id=\"j_username\"", "id=\"j_password\"", "id=\"sign-in\"",
                "name=\"viewport\"", "href=\"assets/style.css\"")) {
            assertTrue(login.contains(part), part + " missing");
        }
        assertFalse(login.contains("login-error"));
        assertNoInlineScriptOrStyle(login);
        String error = client.request().get("/login-error").then().statusCode(200).extract().asString();
        assertTrue(error.contains("<p id=\"login-error\" class=\"message error\" role=\"alert\">Wrong user name or password."), error);
    }

    /**
     * The login page's {@code form-action} also names the origins of the registered redirect URIs: Chrome
     * applies it to the redirects after the login POST, which end at a client's redirect URI, possibly on
     * another origin (here the browser tests' other origin). Only those.
     */
    @Test
    void pagesAndTheirFilesGetThePageCspAndTheJsonEndpointsTheStrictOne() {
        String session = client.sessionOf(Personas.ALICE);
        for (Response page : List.of(client.session(session).get("/web/"), client.request().get("/app/"),
                client.request().get("/app/app.js"), client.request().get("/assets/style.css"))) {
            page.then().statusCode(200).header("Content-Security-Policy", PAGE_CSP)
                    .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer");
        }
        String other = System.getProperty("dualauth.it.other-origin");
        String login = client.request().get("/login").header("Content-Security-Policy");
        assertTrue(login.startsWith(PAGE_CSP.substring(0, PAGE_CSP.indexOf("form-action"))), login);
        assertTrue(login.contains("form-action 'self' ") && login.contains(" " + other + " ")
                || login.contains(" " + other + ";"), login);
        assertTrue(!login.contains("*") && !login.contains("unsafe"), login);
        for (Response json : List.of(client.session(session).get("/web/me"), client.request().get("/ping"),
                client.bearer(Personas.ALICE).get("/api/me"), client.request().get("/.well-known/jwks.json"))) {
            json.then().statusCode(200).header("Content-Security-Policy", JSON_CSP);
        }
    }

    @Test
    void theTokenAppIsServedAsStaticFiles() {
        client.request().get("/app").then().statusCode(301).header("Location", startsWith("/app/"));
        String html = client.request().get("/app/")
                .then().statusCode(200).header("Content-Type", startsWith("text/html"))
                .header("Cache-Control", "no-cache")
                .extract().asString();
        for (String part : List.of("<meta name=\"dualauth-server\" content=\"\">",
                "<meta name=\"dualauth-client-id\" content=\"dualauth-spa\">",
                "<script type=\"module\" src=\"app.js\"></script>", "data-state=\"signed-out\"", "id=\"sign-in\"",
                "id=\"who\"", "id=\"way\"", "id=\"note-form\"", "id=\"note-text\"", "id=\"add-note\"", "id=\"notes\"",
                "id=\"refresh\"", "id=\"refresh-count\"", "id=\"sign-out\"", "id=\"status\"", "id=\"error\"")) {
            assertTrue(html.contains(part), part + " missing");
        }
        assertNoInlineScriptOrStyle(html);
        assertEquals(html, client.request().get("/app/index.html").asString());

        Response script = client.request().get("/app/app.js");
        script.then().statusCode(200).header("Content-Type", startsWith("text/javascript")).body(containsString("crypto.subtle.digest"));
        String etag = script.getHeader("ETag");
        client.request().header("If-None-Match", etag).get("/app/app.js").then().statusCode(304);
        client.request().get("/assets/style.css").then().statusCode(200).header("Content-Type", startsWith("text/css"));
        for (String missing : List.of("/app/nothing.js", "/app/.hidden", "/assets/", "/app/README")) {
            client.request().get(missing).then().statusCode(404).contentType(ContentType.JSON);
        }
        client.request().urlEncodingEnabled(false).get("/app/%2e%2e/WEB-INF/web.xml").then().statusCode(404);
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static Response addNote(RequestSpecification as, String csrf, String text) {
        var form = as.contentType(ContentType.URLENC).formParam("text", text);
        if (csrf != null) {
            form = form.formParam("_csrf", csrf);
        }
        return form.post("/web/forms/notes");
    }

    private static Response deleteNote(RequestSpecification as, String csrf, String id) {
        var form = as.contentType(ContentType.URLENC);
        if (csrf != null) {
            form = form.formParam("_csrf", csrf);
        }
        return form.post("/web/forms/notes/" + id + "/delete");
    }

    private Response changePassword(String session, String csrf, String current, String replacement) {
        var form = client.session(session).contentType(ContentType.URLENC)
                .formParam("current", current).formParam("new", replacement);
        if (csrf != null) {
            form = form.formParam("_csrf", csrf);
        }
        return form.post("/web/forms/password");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** No inline script, no style element or attribute: the pages' CSP would refuse them anyway. */
    private static void assertNoInlineScriptOrStyle(String html) {
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find(), "inline script");
        assertFalse(html.contains("<style"), "style element");
        assertFalse(Pattern.compile("\\sstyle=").matcher(html).find(), "style attribute");
        assertFalse(Pattern.compile("\\son[a-z]+=").matcher(html).find(), "event handler attribute");
    }
}
