package dev.dualauth.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualauth.it.Client;
import dev.dualauth.it.Personas;
import io.restassured.response.Response;
import jakarta.json.Json;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The session path in a real browser: the FORM login pages, the {@code /web/} page's forms, logout, and
 * a page of another origin that tries to use the visitor's session. Server state is checked over HTTP
 * with the browser's own session cookie. Also takes the screenshots of {@code /login},
 * {@code /login-error} and {@code /web/}.
 */
class BrowserSessionIT extends BrowserIT {

    @Test
    void aWrongPasswordShowsTheLoginErrorThenTheRightOneGoesBackToThePageThatAsked(Browser browser) {
        browser.open(base + "/web/me");
        browser.waitFor("the login page", d -> browser.url().equals(base + "/login"));
        browser.visible("#j_username");
        browser.screenshots().save("login");
        browser.screenshots().saveAtWidth("login-360", 360);
        assertFalse(browser.present("#login-error"), "the login page shows no error before a failed login");

        browser.type("#j_username", Personas.ALICE.username);
        browser.type("#j_password", "not-" + Personas.ALICE.password);
        browser.clickAndWaitForNewPage("#sign-in");
        assertEquals(base + "/login-error", browser.url());
        WebElement error = browser.visible("#login-error");
        assertEquals("alert", error.getDomAttribute("role"));
        assertFalse(error.getText().isBlank(), "the error says something");
        assertTrue(browser.present("#j_username") && browser.present("#j_password") && browser.present("#sign-in"),
                "the error page is the login form again");
        browser.screenshots().save("login-error");

        browser.type("#j_username", Personas.ALICE.username);
        browser.type("#j_password", Personas.ALICE.password);
        browser.clickAndWaitForNewPage("#sign-in");
        assertEquals(base + "/web/me", browser.url(), "back on the page that asked for the login");
        String shown = browser.driver().findElement(By.tagName("body")).getText();
        assertTrue(shown.contains("\"name\":\"alice\"") && shown.contains("\"via\":\"session\""),
                "the page that asked answers for alice's session: " + shown);
    }

    @Test
    void notesAreAddedAndDeletedThroughTheWebFormsAndLogoutEndsTheSession(Browser browser) {
        signInToWeb(browser);
        assertEquals(Personas.ALICE.username, browser.visible("#who").getText());
        assertFalse(browser.visible("#way").getText().isBlank(), "#way says how this page is signed in");
        String session = browser.session();
        assertNotNull(session, "the browser holds a session cookie");

        clearNotes(session); // the screenshot shows this test's note only
        String text = "Written on the session page at " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
        browser.type("#note-text", text);
        browser.clickAndWaitForNewPage("#add-note");
        assertEquals(base + "/web/", browser.url(), "post/redirect/get back to /web/");
        assertTrue(noteTexts(browser).contains(text), "the page lists the new note");
        assertTrue(serverNoteTexts(session).contains(text), "the server has the note");
        browser.screenshots().save("web");

        WebElement item = noteItem(browser, text);
        browser.clickAndWaitForNewPage(item.findElement(By.cssSelector("button.delete-note")));
        assertEquals(base + "/web/", browser.url());
        assertFalse(noteTexts(browser).contains(text), "the page no longer lists the note");
        assertFalse(serverNoteTexts(session).contains(text), "the server no longer has the note");

        browser.clickAndWaitForNewPage("#logout");
        assertFalse(browser.url().startsWith(base + "/web/"), "logout leaves /web/: " + browser.url());
        Response old = client.session(session).get("/web/me");
        assertEquals(302, old.statusCode(), "the old session cookie no longer authenticates");
        assertEquals(base + "/login", old.getHeader("Location"));
        browser.open(base + "/web/");
        browser.waitFor("the login page", d -> browser.url().equals(base + "/login"));
        browser.visible("#j_username");
    }

    @Test
    void aPasswordChangedThroughTheWebFormEndsTheOtherSessionsAndSignOutEverywhereEndsThisOne(Browser browser) {
        String old = "throwaway-" + UUID.randomUUID();
        String name = client.newUser(old); // a throwaway account: alice's password stays as the contract says
        String otherDevice = client.sessionOf(name, old);
        signInToWeb(browser, name, old);
        String session = browser.session();

        browser.type("#current-password", "not-" + old);
        browser.type("#new-password", "never-set-" + UUID.randomUUID());
        browser.clickAndWaitForNewPage("#change-password");
        assertEquals(base + "/web/", browser.url());
        WebElement error = browser.visible("#error");
        assertEquals("alert", error.getDomAttribute("role"));
        assertFalse(error.getText().isBlank(), "a wrong current password is reported");
        assertEquals(200, client.session(otherDevice).get("/web/me").statusCode(), "nothing changed yet");

        String replacement = "changed-" + UUID.randomUUID();
        browser.type("#current-password", old);
        browser.type("#new-password", replacement);
        browser.clickAndWaitForNewPage("#change-password");
        assertEquals(base + "/web/", browser.url());
        WebElement status = browser.visible("#status");
        assertEquals("status", status.getDomAttribute("role"));
        assertFalse(status.getText().isBlank(), "the change is confirmed");
        assertEquals(name, browser.visible("#who").getText(), "this session stays signed in");
        assertEquals(200, client.session(session).get("/web/me").statusCode());
        assertEquals(302, client.session(otherDevice).get("/web/me").statusCode(), "the other session has ended");
        assertEquals(400, client.passwordGrant(name, old).statusCode(), "the old password no longer works");
        Response grant = client.passwordGrant(name, replacement);
        assertEquals(200, grant.statusCode(), "the new password works");
        String token = grant.path("access_token");

        browser.clickAndWaitForNewPage("#logout-all");
        assertFalse(browser.url().startsWith(base + "/web/"), "signing out everywhere leaves /web/");
        assertEquals(302, client.session(session).get("/web/me").statusCode(), "this session has ended");
        assertEquals(401, client.bearer(token).get("/api/me").statusCode(), "and so has the user's token");
    }

    @Test
    void pagesOfAnotherOriginCannotPostANoteWithTheVisitorsSession(Browser browser) {
        signInToWeb(browser);
        String session = browser.session();
        WebElement form = browser.visible("form#note-form");
        String action = form.getDomProperty("action"); // absolute, as the browser resolves it
        String field = browser.visible("#note-text").getDomAttribute("name");
        List<String> before = serverNoteTexts(session);

        // The tests' server answers under both loopback names; a site ignores the port, so the name that
        // dualauth's base URL uses is the same site (the browser sends the Lax session cookie along: only
        // the server's own checks can stop the posts), the other name is another site (no cookie: the
        // server sees an anonymous post). The configured other origin is moreover an allowed session
        // origin in the ITs (pom.xml), so from there only the CSRF token stops a post with the cookie.
        String serverHost = URI.create(base).getHost();
        String mark = "attack-" + System.nanoTime();
        for (String origin : List.of(otherOrigin.origin(), otherOrigin.otherSiteOrigin())) {
            boolean sameSite = URI.create(origin).getHost().equals(serverHost);
            for (String enctype : List.of("application/x-www-form-urlencoded", "text/plain")) {
                String attack = "the posts from " + origin + " as " + enctype;
                browser.network().clear();
                browser.open(origin + "/attack.html?action=" + enc(action) + "&field=" + enc(field)
                        + "&enctype=" + enc(enctype) + "&text=" + enc(mark));
                // the fetch is answered first, then the form's post takes the browser to dualauth's answer
                browser.waitFor("the attack page's fetch and form post answered",
                        d -> browser.url().startsWith(base) && postsToServer(browser).stream().filter(e -> e.status != 0).count() >= 2);
                List<NetworkLog.Exchange> posts = postsToServer(browser);
                assertEquals(2, posts.size(), "a fetch and a form post reached dualauth: " + attack);
                for (NetworkLog.Exchange post : posts) {
                    assertEquals(sameSite, post.sentCookie(Client.SESSION_COOKIE),
                            "the browser sends the session cookie along with the same site's posts only: " + attack);
                    // with the visitor's cookie: 403 (CSRF, other site); without it an anonymous post: 403 when
                    // it comes from another site that is not an allowed origin, else 401 for a script and 303
                    // to the login page for a browser's form (never 2xx). Which loopback name is the allowed
                    // origin's depends on the base URL the server reports (localhost on Payara, 127.0.0.1 on WildFly).
                    Set<Integer> refusals = sameSite ? Set.of(403) : Set.of(401, 303, 403);
                    assertTrue(refusals.contains(post.status), "the server refuses " + attack + ": " + post.status);
                    assertFalse(post.setCookie(Client.SESSION_COOKIE), "the refusal sets no session cookie: " + attack);
                }
                // An anonymous post that got a new session cookie would replace the visitor's (signing them out).
                assertTrue(session.equals(browser.session()),
                        "the browser still holds the visitor's session cookie after " + attack);
                if (sameSite) {
                    browser.screenshots().save("attack-same-site-refused");
                }
            }
        }
        assertEquals(before, serverNoteTexts(session), "no note was added by the other origin's pages");
        browser.open(base + "/web/");
        assertEquals(Personas.ALICE.username, browser.visible("#who").getText(), "the visitor is still signed in");
        assertFalse(noteTexts(browser).contains(mark));
    }

    @Test
    void pagesOfAnotherOriginCannotSignTheVisitorInToTheAttackersAccount(Browser browser) {
        String password = "attacker-" + UUID.randomUUID();
        String attacker = client.newUser(password);
        String fields = Json.createObjectBuilder().add("j_username", attacker).add("j_password", password).build().toString();
        // Not from the configured other origin: the ITs list it in dualauth.session.allowed-origins (pom.xml),
        // which trusts it with session posts, logins included. Its other loopback name is not listed.
        for (String origin : List.of(otherOrigin.otherSiteOrigin())) {
            browser.forgetEverything();
            browser.open(origin + "/attack.html?action=" + enc(base + "/j_security_check") + "&fields=" + enc(fields)
                    + "&text=x");
            browser.waitFor("the attack page's login post answered", d -> browser.url().startsWith(base)
                    && browser.network().to("POST", "/j_security_check").stream().anyMatch(e -> e.status != 0));
            List<NetworkLog.Exchange> logins = browser.network().to("POST", "/j_security_check");
            assertEquals(1, logins.size());
            assertEquals(403, logins.get(0).status, "a login post from " + origin + " is refused");
            browser.open(base + "/web/me");
            browser.waitFor("the login page: the visitor is not signed in", d -> browser.url().equals(base + "/login"));
        }
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** Opens /web/, signs in as alice on the login page, and waits for /web/. */
    private void signInToWeb(Browser browser) {
        signInToWeb(browser, Personas.ALICE.username, Personas.ALICE.password);
    }

    private void signInToWeb(Browser browser, String username, String password) {
        browser.open(base + "/web/");
        browser.waitFor("the login page", d -> browser.url().equals(base + "/login"));
        browser.type("#j_username", username);
        browser.type("#j_password", password);
        browser.clickAndWaitForNewPage("#sign-in");
        assertEquals(base + "/web/", browser.url());
    }

    private List<NetworkLog.Exchange> postsToServer(Browser browser) {
        return browser.network().exchanges().stream().filter(e -> e.method.equals("POST") && e.url.startsWith(base)).toList();
    }

    private static List<String> noteTexts(Browser browser) {
        return browser.all("ul#notes li .note-text").stream().map(WebElement::getText).toList();
    }

    private static WebElement noteItem(Browser browser, String text) {
        return browser.all("ul#notes li").stream()
                .filter(li -> li.findElement(By.cssSelector(".note-text")).getText().equals(text))
                .findFirst().orElseThrow(() -> new AssertionError("no list item for the note"));
    }

    /** Deletes every note of the session's user. */
    private void clearNotes(String session) {
        String csrf = client.csrf(session);
        for (String id : client.session(session).get("/web/notes").jsonPath().getList("id", String.class)) {
            assertEquals(204, client.session(session).header(Client.CSRF_HEADER, csrf).delete("/web/notes/" + id).statusCode());
        }
    }

    /** The texts of the notes the server holds for the session (asserting it is valid). */
    private List<String> serverNoteTexts(String session) {
        Response notes = client.session(session).get("/web/notes");
        assertEquals(200, notes.statusCode(), "GET /web/notes with the browser's session");
        return notes.jsonPath().getList("text", String.class);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
