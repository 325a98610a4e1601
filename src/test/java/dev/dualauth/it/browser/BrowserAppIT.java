package dev.dualauth.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualauth.it.Client;
import dev.dualauth.it.Personas;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The token path in a real browser: {@code /app/} signs in through the authorization code flow with
 * PKCE, keeps its tokens in memory only, calls {@code /api}, refreshes and signs out; and a copy of it on
 * another origin does the same through CORS. The tokens are taken from what Chromium reports of its own
 * traffic (performance log), never from the page, and then checked against the browser's storage and
 * against the server. Also takes the screenshots of {@code /app/} signed out and signed in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the same-origin app first: its screenshots show its notes only
class BrowserAppIT extends BrowserIT {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.");
    private static final String CLIENT_ID = "dualauth-spa";

    @Test
    @Order(1)
    void theAppSignsInWithTheCodeFlowKeepsItsTokensInMemoryOnlyRefreshesAndSignsOut(Browser browser) {
        clearNotes(); // the screenshot shows this test's note only
        browser.open(base + "/app/");
        waitForState(browser, "signed-out");
        browser.screenshots().save("app-signed-out");

        signInThroughTheLoginPage(browser, base + "/app/");
        assertEquals(Personas.ALICE.username, browser.visible("#who").getText());
        assertFalse(browser.visible("#way").getText().isBlank(), "#way says how this page is signed in");

        // the code flow as it went over the wire
        NetworkLog.Exchange authorize = browser.network().exchanges().stream()
                .filter(e -> e.method.equals("GET") && e.path().equals("/auth/authorize")).findFirst()
                .orElseThrow(() -> new AssertionError("no GET /auth/authorize"));
        assertTrue(authorize.url.contains("code_challenge_method=S256") && authorize.url.contains("code_challenge=")
                && authorize.url.contains("state=") && authorize.url.contains("client_id=" + CLIENT_ID),
                "the authorize request asks for a code with PKCE S256 and a state");
        NetworkLog.Exchange exchange = onlyTokenRequest(browser, "authorization_code");
        assertNotNull(exchange.formField("code_verifier"), "the code is exchanged with its PKCE verifier");
        String access = browser.network().responseField(exchange, "access_token")
                .orElseThrow(() -> new AssertionError("the token response's body was not kept by the browser"));
        String refresh = browser.network().responseField(exchange, "refresh_token")
                .orElseThrow(() -> new AssertionError("the code exchange gave no refresh token"));
        Set<String> tokens = new LinkedHashSet<>(List.of(access, refresh));
        assertTrue(browser.network().bearerTokens().contains(access), "the app called the API with its access token");
        assertNothingStored(browser, tokens);
        assertEquals("[]", storageEntries(browser, "sessionStorage"),
                "the PKCE verifier and state are gone from sessionStorage once the code is exchanged");

        // notes through /api
        String text = "Written in the token app at " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
        addNote(browser, text);
        browser.screenshots().save("app-signed-in");
        assertTrue(apiNoteTexts(access).contains(text), "the server has the note");
        assertTrue(browser.network().to("POST", "/api/notes").stream().anyMatch(e -> access.equals(e.bearer()) && e.status == 201),
                "the note was posted to /api with the access token");
        deleteNote(browser, text);
        assertFalse(apiNoteTexts(access).contains(text), "the server no longer has the note");

        // refresh now
        int before = Integer.parseInt(browser.visible("#refresh-count").getText().strip());
        assertEquals(0, before, "no refresh yet");
        browser.click("#refresh");
        browser.waitFor("#refresh-count to go up", d -> browser.visible("#refresh-count").getText().strip().equals(String.valueOf(before + 1)));
        NetworkLog.Exchange refreshed = onlyTokenRequest(browser, "refresh_token");
        assertEquals(200, refreshed.status, "the refresh grant was answered");
        assertTrue(refresh.equals(refreshed.formField("refresh_token")), "the app spent the refresh token it had");
        String access2 = browser.network().responseField(refreshed, "access_token").orElseThrow();
        String refresh2 = browser.network().responseField(refreshed, "refresh_token").orElseThrow();
        assertNotEquals(refresh, refresh2, "a new refresh token");
        tokens.addAll(List.of(access2, refresh2));
        String text2 = "after the refresh " + System.nanoTime();
        addNote(browser, text2);
        assertTrue(browser.network().to("POST", "/api/notes").stream().anyMatch(e -> access2.equals(e.bearer()) && e.status == 201),
                "after the refresh the API is called with the new access token, and answers");
        assertTrue(apiNoteTexts(access2).contains(text2));
        assertNothingStored(browser, tokens);
        waitForState(browser, "signed-in");

        // sign out: the tokens it had are refused from now on
        browser.click("#sign-out");
        waitForState(browser, "signed-out");
        assertNothingStored(browser, tokens);
        for (String token : List.of(access, access2)) {
            Response me = client.bearer(token).get("/api/me");
            assertEquals(401, me.statusCode(), "an access token of the signed-out app is refused");
        }
        for (String token : List.of(refresh, refresh2)) {
            Response grant = client.request().contentType(ContentType.URLENC)
                    .formParam("grant_type", "refresh_token").formParam("refresh_token", token)
                    .formParam("client_id", CLIENT_ID).post("/auth/token");
            assertEquals(400, grant.statusCode(), "a refresh token of the signed-out app is refused");
            assertEquals("invalid_grant", grant.path("error"));
        }
        assertTrue(browser.network().to("POST", "/auth/revoke").stream()
                        .anyMatch(e -> refresh2.equals(e.formField("token")) && e.status == 200),
                "the app revoked its refresh token at /auth/revoke");
    }

    @Test
    @Order(2)
    void aCopyOfTheAppOnAnotherOriginSignsInThroughCorsAndListsNotes(Browser browser) {
        String text = "for the other origin " + System.nanoTime();
        Response grant = client.passwordGrant(Personas.ALICE.username, Personas.ALICE.password);
        assertEquals(200, grant.statusCode(), "password grant for alice (demo mode)");
        Response created = client.bearer(grant.<String>path("access_token")).contentType(ContentType.JSON)
                .body(Json.createObjectBuilder().add("text", text).build().toString()).post("/api/notes");
        assertEquals(201, created.statusCode());

        String other = otherOrigin.origin();
        browser.open(other + "/app/");
        waitForState(browser, "signed-out");
        signInThroughTheLoginPage(browser, other + "/app/");
        assertEquals(Personas.ALICE.username, browser.visible("#who").getText());
        browser.waitFor("the notes listed", d -> noteTexts(browser).contains(text));
        browser.screenshots().save("app-other-origin-signed-in");

        NetworkLog.Exchange exchange = onlyTokenRequest(browser, "authorization_code");
        assertTrue(exchange.url.startsWith(base), "the code was exchanged at dualauth");
        assertEquals(other, exchange.sentHeaders.getOrDefault("origin", exchange.headers.get("origin")),
                "a cross-origin request");
        assertEquals(other + "/app/", exchange.formField("redirect_uri"));
        assertTrue(browser.network().exchanges().stream()
                        .anyMatch(e -> e.method.equals("GET") && e.url.equals(base + "/api/notes") && e.status == 200),
                "the notes came from dualauth's /api");
        String access = browser.network().responseField(exchange, "access_token").orElseThrow();
        String refresh = browser.network().responseField(exchange, "refresh_token").orElseThrow();
        assertNothingStored(browser, Set.of(access, refresh));

        browser.click("#sign-out");
        waitForState(browser, "signed-out");
        assertEquals(401, client.bearer(access).get("/api/me").statusCode(), "signed out on the other origin too");
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** Clicks #sign-in on the app, signs in as alice on dualauth's login page, waits to be back, signed in. */
    private void signInThroughTheLoginPage(Browser browser, String app) {
        browser.clickAndWaitForNewPage("#sign-in");
        browser.waitFor("dualauth's login page", d -> browser.url().equals(base + "/login"));
        browser.type("#j_username", Personas.ALICE.username);
        browser.type("#j_password", Personas.ALICE.password);
        browser.clickAndWaitForNewPage("#sign-in");
        browser.waitFor("back on the app", d -> browser.url().startsWith(app));
        waitForState(browser, "signed-in");
        assertEquals(app, browser.url(), "code and state are gone from the address bar");
    }

    private static void waitForState(Browser browser, String state) {
        browser.waitFor("body[data-state=" + state + "]",
                d -> browser.present("body[data-state='" + state + "']"));
    }

    /** The one token request of that grant type so far. */
    private static NetworkLog.Exchange onlyTokenRequest(Browser browser, String grantType) {
        List<NetworkLog.Exchange> requests = browser.network().to("POST", "/auth/token").stream()
                .filter(e -> grantType.equals(e.formField("grant_type"))).toList();
        assertEquals(1, requests.size(), "token requests with grant_type=" + grantType);
        NetworkLog.Exchange request = requests.get(0);
        browser.waitFor("the token response", d -> browser.network().exchanges().stream()
                .anyMatch(e -> e.id.equals(request.id) && e.status != 0));
        return browser.network().exchanges().stream().filter(e -> e.id.equals(request.id)).findFirst().orElseThrow();
    }

    private static void addNote(Browser browser, String text) {
        browser.type("#note-text", text);
        browser.click("#add-note");
        browser.waitFor("the new note listed", d -> noteTexts(browser).contains(text));
    }

    private static void deleteNote(Browser browser, String text) {
        WebElement item = browser.all("ul#notes li").stream()
                .filter(li -> li.findElement(By.cssSelector(".note-text")).getText().equals(text))
                .findFirst().orElseThrow(() -> new AssertionError("no list item for the note"));
        item.findElement(By.cssSelector("button.delete-note")).click();
        browser.waitFor("the note gone from the list", d -> !noteTexts(browser).contains(text));
    }

    private static List<String> noteTexts(Browser browser) {
        List<String> texts = new ArrayList<>();
        for (WebElement li : browser.all("ul#notes li .note-text")) {
            try {
                texts.add(li.getText());
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                // the list is being redrawn: the next poll sees the new one
            }
        }
        return texts;
    }

    /** Deletes every note of alice's, through the API. */
    private void clearNotes() {
        Response grant = client.passwordGrant(Personas.ALICE.username, Personas.ALICE.password);
        assertEquals(200, grant.statusCode(), "password grant for alice (demo mode)");
        String access = grant.path("access_token");
        for (String id : client.bearer(access).get("/api/notes").jsonPath().getList("id", String.class)) {
            assertEquals(204, client.bearer(access).delete("/api/notes/" + id).statusCode());
        }
    }

    private List<String> apiNoteTexts(String access) {
        Response notes = client.bearer(access).get("/api/notes");
        assertEquals(200, notes.statusCode(), "GET /api/notes with the app's access token");
        return notes.jsonPath().getList("text", String.class);
    }

    private static String storageEntries(Browser browser, String storage) {
        return (String) browser.script("const s = window[arguments[0]]; const out = [];"
                + "for (let i = 0; i < s.length; i++) { const k = s.key(i); out.push([k, s.getItem(k)]); }"
                + "return JSON.stringify(out);", storage);
    }

    /**
     * Nothing the page can reach keeps a token: localStorage, sessionStorage, its cookies, IndexedDB, the
     * Cache API, plain global variables; nor any cookie of any site. Messages name the place, never the value.
     */
    private static void assertNothingStored(Browser browser, Set<String> tokens) {
        String dump = (String) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  const entries = s => { const out = []; for (let i = 0; i < s.length; i++) { const k = s.key(i); out.push(k + '=' + s.getItem(k)); } return out; };
                  const out = {localStorage: entries(localStorage), sessionStorage: entries(sessionStorage),
                               documentCookie: [document.cookie], globals: [], indexedDB: [], caches: []};
                  for (const name of Object.getOwnPropertyNames(window)) {
                    try {
                      const v = window[name];
                      if (typeof v === 'string') out.globals.push(name + '=' + v);
                      else if (v && typeof v === 'object' && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype))
                        out.globals.push(name + '=' + JSON.stringify(v));
                    } catch (e) { /* a property that cannot be read */ }
                  }
                  try { out.indexedDB = (await indexedDB.databases()).map(d => d.name); } catch (e) { /* none */ }
                  try { out.caches = await caches.keys(); } catch (e) { /* none */ }
                  done(JSON.stringify(out));
                })();
                """);
        JsonObject places;
        try (JsonReader reader = Json.createReader(new StringReader(dump))) {
            places = reader.readObject();
        }
        List<String> where = new ArrayList<>();
        for (String place : places.keySet()) {
            String values = places.getJsonArray(place).stream().map(JsonValue::toString).reduce("", String::concat);
            if (tokens.stream().anyMatch(values::contains) || JWT.matcher(values).find()) {
                where.add(place);
            }
        }
        String cookies = String.join("\n", browser.allCookies());
        if (tokens.stream().anyMatch(cookies::contains) || JWT.matcher(cookies).find()) {
            where.add("the browser's cookies");
        }
        assertEquals(List.of(), where, "places where the browser keeps a token");
    }
}
