package dev.dualauth.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.dualauth.it.suite.Persistence;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Tokens that can be invalidated: refresh rotation with reuse detection, {@code /auth/revoke},
 * {@code /api/logout}, password change, logout everywhere and disabled accounts — each taking effect on
 * the next request, on tokens and sessions alike.
 */
@Persistence
class TokenLifecycleIT extends ServerIT {

    static final String PASSWORD = "first-password-1234";
    static final String NEW_PASSWORD = "second-password-5678";

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.packagedWar();
    }

    // --- refresh rotation ----------------------------------------------------------------------------

    @Test
    void refreshReturnsANewPairAndSpendsTheOldRefreshToken() {
        String user = client.newUser(PASSWORD);
        Client.Tokens first = client.login(user, PASSWORD);
        Client.Tokens second = refreshed(first.refresh());
        assertNotEquals(first.refresh(), second.refresh());
        assertNotEquals(first.access(), second.access());
        client.bearer(second.access()).get("/api/me").then().statusCode(200).body("name", equalTo(user));
        Client.Tokens third = refreshed(second.refresh());
        client.bearer(third.access()).get("/api/me").then().statusCode(200);
    }

    @Test
    void aSpentRefreshTokenPresentedAgainRevokesTheWholeFamily() {
        String user = client.newUser(PASSWORD);
        Client.Tokens first = client.login(user, PASSWORD);
        Client.Tokens other = client.login(user, PASSWORD); // another device: another family
        Client.Tokens second = refreshed(first.refresh());

        client.refreshGrant(first.refresh()).then().statusCode(400).body("error", equalTo("invalid_grant"));

        client.refreshGrant(second.refresh()).then().statusCode(400).body("error", equalTo("invalid_grant"));
        client.assertInvalidToken(first.access());
        client.assertInvalidToken(second.access());
        client.bearer(other.access()).get("/api/me").then().statusCode(200);
        refreshed(other.refresh());
    }

    @Test
    void unknownOrMissingRefreshTokensAreRefused() {
        client.refreshGrant("never-issued-" + System.nanoTime()).then().statusCode(400).body("error", equalTo("invalid_grant"));
        client.request().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token").post("/auth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void accessTokensCarryTheirFamily() throws ParseException {
        Client.Tokens tokens = client.login(Personas.ALICE);
        JWTClaimsSet claims = SignedJWT.parse(tokens.access()).getJWTClaimsSet();
        org.junit.jupiter.api.Assertions.assertNotNull(claims.getStringClaim("sid"));
    }

    // --- revocation endpoint and logout ---------------------------------------------------------------

    @Test
    void aRevokedAccessTokenStopsWorkingAtOnceAndOthersGoOn() {
        Client.Tokens a = client.login(Personas.ALICE);
        Client.Tokens b = client.login(Personas.ALICE);
        client.revoke(a.access()).then().statusCode(200);
        client.assertInvalidToken(a.access());
        client.bearer(b.access()).get("/api/me").then().statusCode(200);
    }

    @Test
    void aRevokedRefreshTokenEndsItsFamilyAndItsAccessTokens() {
        Client.Tokens a = client.login(Personas.ALICE);
        client.revoke(a.refresh()).then().statusCode(200);
        client.refreshGrant(a.refresh()).then().statusCode(400).body("error", equalTo("invalid_grant"));
        client.assertInvalidToken(a.access());
    }

    @Test
    void revokingAnUnknownOrForgedTokenIsAcceptedAndChangesNothing() throws ParseException {
        Client.Tokens a = client.login(Personas.ALICE);
        client.revoke("unknown-" + System.nanoTime()).then().statusCode(200);
        JWTClaimsSet real = SignedJWT.parse(a.access()).getJWTClaimsSet();
        String forged = TestTokens.sign(TestTokens.foreignKey(),
                TestTokens.aliceClaims().jwtID(real.getJWTID()).claim("sid", real.getStringClaim("sid")).build());
        client.revoke(forged).then().statusCode(200);
        client.bearer(a.access()).get("/api/me").then().statusCode(200);
        refreshed(a.refresh());
        client.request().contentType(ContentType.URLENC).post("/auth/revoke")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void apiLogoutEndsTheTokenAndItsFamily() {
        Client.Tokens a = client.login(Personas.ALICE);
        client.bearer(a.access()).post("/api/logout").then().statusCode(204);
        client.assertInvalidToken(a.access());
        client.refreshGrant(a.refresh()).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    // --- the verified-token cache never lets a revoked, expired or altered token through ------------

    @Test
    void aTokenAlreadyVerifiedAndCachedIsRefusedOnceRevoked() {
        Client.Tokens a = client.login(Personas.ALICE);
        client.bearer(a.access()).get("/api/me").then().statusCode(200);
        client.bearer(a.access()).get("/api/me").then().statusCode(200);
        client.revoke(a.access()).then().statusCode(200);
        client.assertInvalidToken(a.access());

        String user = client.newUser(PASSWORD);
        Client.Tokens b = client.login(user, PASSWORD);
        client.bearer(b.access()).get("/api/me").then().statusCode(200);
        client.bearer(b.access()).post("/api/me/logout-all").then().statusCode(204);
        client.assertInvalidToken(b.access());
    }

    @Test
    void aCachedTokenIsRefusedOnceItExpires() throws InterruptedException {
        // expired 25 s ago: still inside the 30 s clock skew, so accepted (and cached) for about 5 s more
        java.time.Instant expiry = java.time.Instant.now().minusSeconds(25).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String token = TestTokens.sign(TestTokens.serverKey(), TestTokens.aliceClaims()
                .issueTime(java.util.Date.from(expiry.minusSeconds(300))).expirationTime(java.util.Date.from(expiry)).build());
        client.bearer(token).get("/api/me").then().statusCode(200);
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(15);
        int status;
        do {
            Thread.sleep(250);
            status = client.bearer(token).get("/api/me").getStatusCode();
        } while (status == 200 && java.time.Instant.now().isBefore(deadline));
        org.junit.jupiter.api.Assertions.assertEquals(401, status);
        org.junit.jupiter.api.Assertions.assertFalse(java.time.Instant.now().isBefore(expiry.plusSeconds(30)),
                "refused only after expiry plus the clock skew");
    }

    @Test
    void anAlteredCopyOfACachedTokenIsNotTheCachedToken() {
        Client.Tokens a = client.login(Personas.ALICE);
        client.bearer(a.access()).get("/api/me").then().statusCode(200);
        String[] parts = a.access().split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"user\"", "\"user\",\"admin\"");
        String altered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        assertRevokedOrInvalid(altered);
        client.bearer(a.access()).get("/api/admin/accounts").then().statusCode(403);
    }

    private void assertRevokedOrInvalid(String token) {
        client.bearer(token).get("/api/admin/accounts").then().statusCode(401);
    }

    // --- account events ------------------------------------------------------------------------------

    @Test
    void aPasswordChangeThroughTheApiEndsEveryTokenAndSessionOfTheUser() {
        String user = client.newUser(PASSWORD);
        Client.Tokens a = client.login(user, PASSWORD);
        Client.Tokens b = client.login(user, PASSWORD);
        String session = client.sessionOf(user, PASSWORD);

        changePassword(client.bearer(a.access()), "/api/me/password", PASSWORD, NEW_PASSWORD).then().statusCode(204);

        client.assertInvalidToken(a.access());
        client.assertInvalidToken(b.access());
        client.refreshGrant(b.refresh()).then().statusCode(400).body("error", equalTo("invalid_grant"));
        client.session(session).get("/web/me").then().statusCode(302);
        client.passwordGrant(user, PASSWORD).then().statusCode(400).body("error", equalTo("invalid_grant"));
        client.bearer(client.login(user, NEW_PASSWORD).access()).get("/api/me").then().statusCode(200);
    }

    @Test
    void aPasswordChangeThroughTheSessionKeepsThatSessionOnly() {
        String user = client.newUser(PASSWORD);
        String mine = client.sessionOf(user, PASSWORD);
        String other = client.sessionOf(user, PASSWORD);
        Client.Tokens token = client.login(user, PASSWORD);

        changePassword(client.sessionWithCsrf(mine), "/web/me/password", PASSWORD, NEW_PASSWORD).then().statusCode(204);

        client.session(mine).get("/web/me").then().statusCode(200).body("name", equalTo(user));
        client.session(other).get("/web/me").then().statusCode(302);
        client.assertInvalidToken(token.access());
    }

    @Test
    void aWrongCurrentPasswordOrAWeakNewOneChangesNothing() {
        String user = client.newUser(PASSWORD);
        Client.Tokens token = client.login(user, PASSWORD);
        changePassword(client.bearer(token.access()), "/api/me/password", "not-the-password", NEW_PASSWORD)
                .then().statusCode(400).body("error", notNullValue());
        changePassword(client.bearer(token.access()), "/api/me/password", PASSWORD, "short")
                .then().statusCode(400);
        client.bearer(token.access()).contentType(ContentType.JSON).body("{\"current\":").post("/api/me/password")
                .then().statusCode(400);
        client.bearer(token.access()).get("/api/me").then().statusCode(200);
        client.login(user, PASSWORD);
    }

    @Test
    void logoutEverywhereEndsEveryTokenAndSessionIncludingTheCallers() {
        String user = client.newUser(PASSWORD);
        Client.Tokens a = client.login(user, PASSWORD);
        Client.Tokens b = client.login(user, PASSWORD);
        String session = client.sessionOf(user, PASSWORD);

        client.bearer(a.access()).post("/api/me/logout-all").then().statusCode(204);

        client.assertInvalidToken(a.access());
        client.assertInvalidToken(b.access());
        client.refreshGrant(a.refresh()).then().statusCode(400);
        client.session(session).get("/web/me").then().statusCode(302);
        client.bearer(client.login(user, PASSWORD).access()).get("/api/me").then().statusCode(200);
    }

    @Test
    void logoutEverywhereFromTheSessionEndsThatSessionToo() {
        String user = client.newUser(PASSWORD);
        String session = client.sessionOf(user, PASSWORD);
        Client.Tokens token = client.login(user, PASSWORD);
        client.sessionWithCsrf(session).post("/web/me/logout-all").then().statusCode(204);
        client.session(session).get("/web/me").then().statusCode(302);
        client.assertInvalidToken(token.access());
    }

    /**
     * A login whose password check is still running when the account is disabled (PBKDF2 takes a while)
     * must not come out of it with a working login. The disable lands at a different point of the login
     * in each attempt — before the account is read, during the hashing, after the tokens or the session
     * were issued — so whichever interleaving happens, the invariant is: the login is refused, or what it
     * issued stops working with the disable. Before the re-check at issue time, a disable during the
     * hashing left a login whose tokens and session kept working.
     */
    @Test
    void aLoginInProgressWhenTheAccountIsDisabledIsRefusedOrEndsWithTheDisable() throws Exception {
        String admin = client.token(Personas.ADMIN);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            for (int attempt = 0; attempt < 8; attempt++) {
                String user = client.newUser(PASSWORD);
                boolean viaToken = attempt % 2 == 0;
                Future<Response> login = pool.submit(() -> viaToken ? client.passwordGrant(user, PASSWORD)
                        : client.formLogin(user, PASSWORD));
                Thread.sleep(attempt * 30L); // where the disable lands in the login: the race itself, not a wait
                client.bearer(admin).post("/api/admin/accounts/" + user + "/disable").then().statusCode(204);
                Response answer = login.get(30, TimeUnit.SECONDS);
                if (viaToken && answer.statusCode() == 200) {
                    client.assertInvalidToken(answer.path("access_token"));
                    client.refreshGrant(answer.path("refresh_token")).then().statusCode(400)
                            .body("error", equalTo("invalid_grant"));
                } else if (viaToken) {
                    answer.then().statusCode(400).body("error", equalTo("invalid_grant"));
                } else if (!(client.base() + "/login-error").equals(answer.header("Location"))) {
                    answer.then().statusCode(302);
                    client.session(Client.sessionOf(answer)).get("/web/me").then().statusCode(302);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Logins through the code flow here: 50 password logins would spend most of the time hashing. */
    @Test
    void aUserKeepsAtMostFiftyLoginsAndTheLeastRecentlyUsedEndsFirst() {
        String user = client.newUser(PASSWORD);
        Client.Tokens oldest = client.login(user, PASSWORD);
        String session = client.sessionOf(user, PASSWORD);
        OAuthFlow flow = new OAuthFlow(client);
        List<Client.Tokens> later = new ArrayList<>();
        for (int i = 1; i < 50; i++) {
            later.add(flow.tokens(flow.code(session)));
        }
        client.bearer(oldest.access()).get("/api/me").then().statusCode(200); // fifty: within the limit

        Client.Tokens newest = flow.tokens(flow.code(session));
        client.assertInvalidToken(oldest.access());
        client.refreshGrant(oldest.refresh()).then().statusCode(400).body("error", equalTo("invalid_grant"));
        client.bearer(later.get(0).access()).get("/api/me").then().statusCode(200);
        client.bearer(newest.access()).get("/api/me").then().statusCode(200);
    }

    @Test
    void onlyTheNewestSpentRefreshTokensAreKeptForReuseDetection() {
        String user = client.newUser(PASSWORD);
        Client.Tokens current = client.login(user, PASSWORD);
        List<String> spent = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            spent.add(current.refresh());
            current = refreshed(current.refresh());
        }
        // 25 rotations ago: no longer kept, so refused as unknown, and nothing else happens.
        client.refreshGrant(spent.get(0)).then().statusCode(400).body("error", equalTo("invalid_grant"));
        current = refreshed(current.refresh());
        // A few rotations ago: still kept, so presenting it is a reuse, and the family ends.
        client.refreshGrant(spent.get(spent.size() - 3)).then().statusCode(400).body("error", equalTo("invalid_grant"));
        client.refreshGrant(current.refresh()).then().statusCode(400).body("error", equalTo("invalid_grant"));
        client.assertInvalidToken(current.access());
    }

    @Test
    void disablingAnAccountEndsItsLoginsAndEnablingAllowsNewOnes() {
        String user = client.newUser(PASSWORD);
        Client.Tokens token = client.login(user, PASSWORD);
        String session = client.sessionOf(user, PASSWORD);
        String admin = client.token(Personas.ADMIN);

        client.bearer(admin).post("/api/admin/accounts/" + user + "/disable").then().statusCode(204);

        client.assertInvalidToken(token.access());
        client.refreshGrant(token.refresh()).then().statusCode(400).body("error", equalTo("invalid_grant"));
        client.session(session).get("/web/me").then().statusCode(302);
        client.passwordGrant(user, PASSWORD).then().statusCode(400).body("error", equalTo("invalid_grant"));
        client.formLogin(user, PASSWORD).then().statusCode(302)
                .header("Location", equalTo(client.base() + "/login-error"));
        client.bearer(admin).get("/api/admin/accounts").then().statusCode(200)
                .body("find { it.name == '" + user + "' }.enabled", equalTo(false));

        client.bearer(admin).post("/api/admin/accounts/" + user + "/enable").then().statusCode(204);
        client.bearer(client.login(user, PASSWORD).access()).get("/api/me").then().statusCode(200);
    }

    @Test
    void accountAdministrationIsForAdminsAndChecksItsInput() {
        String admin = client.token(Personas.ADMIN);
        client.bearer(Personas.ALICE).post("/api/admin/accounts/admin/disable").then().statusCode(403);
        client.bearer(admin).post("/api/admin/accounts/admin/disable").then().statusCode(400);
        client.bearer(admin).post("/api/admin/accounts/nobody-" + System.nanoTime() + "/disable").then().statusCode(404);
        client.bearer(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"alice\",\"password\":\"long-enough-password\",\"roles\":[\"user\"]}")
                .post("/api/admin/accounts").then().statusCode(409);
        client.bearer(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"bad name!\",\"password\":\"long-enough-password\",\"roles\":[\"user\"]}")
                .post("/api/admin/accounts").then().statusCode(400);
        client.bearer(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"weak" + System.nanoTime() + "\",\"password\":\"short\",\"roles\":[\"user\"]}")
                .post("/api/admin/accounts").then().statusCode(400);
        client.bearer(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"r" + System.nanoTime() + "\",\"password\":\"long-enough-password\",\"roles\":[\"root\"]}")
                .post("/api/admin/accounts").then().statusCode(400);
        client.bearer(admin).get("/api/admin/accounts").then().statusCode(200).body("name", not(hasItem("bad name!")));
    }

    private Client.Tokens refreshed(String refreshToken) {
        Response r = client.refreshGrant(refreshToken);
        r.then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .body("token_type", equalTo("Bearer"))
                .body("refresh_token", notNullValue());
        return Client.Tokens.of(r);
    }

    private static Response changePassword(RequestSpecification as, String path, String current, String replacement) {
        return as.contentType(ContentType.JSON)
                .body("{\"current\":\"" + current + "\",\"new\":\"" + replacement + "\"}")
                .post(path);
    }
}
