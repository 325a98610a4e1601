package dev.dualauth.it;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.dualauth.it.suite.Persistence;
import io.restassured.http.ContentType;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The token path: {@code /auth/token}, {@code /.well-known/*} and {@code /api/**} with MicroProfile JWT.
 * The persona × endpoint matrix and the anonymous refusals, shared with the session path, are in
 * {@link AccessMatrixIT}.
 */
class TokenPathIT extends ServerIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.packagedWar();
    }

    // --- issuing -------------------------------------------------------------------------------------

    @Test
    void passwordGrantIssuesASignedAccessToken() throws ParseException {
        String token = client.passwordGrant("alice", "alice-demo-password")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", containsString("no-store"))
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(300))
                .extract().path("access_token");

        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
        assertEquals(JOSEObjectType.JWT, jwt.getHeader().getType());
        assertEquals(TestTokens.serverKey().getKeyID(), jwt.getHeader().getKeyID());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(TestTokens.ISSUER, claims.getIssuer());
        assertEquals(List.of(TestTokens.AUDIENCE), claims.getAudience());
        assertEquals("alice", claims.getSubject());
        assertEquals("alice", claims.getStringClaim("upn"));
        assertEquals(List.of("user"), claims.getStringListClaim("groups"));
        assertNotNull(claims.getJWTID());
        assertEquals(Duration.ofMinutes(5),
                Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameInvalidGrant() {
        String wrong = client.passwordGrant("alice", "not-her-password")
                .then().statusCode(400).body("error", equalTo("invalid_grant"))
                .header("Cache-Control", containsString("no-store"))
                .extract().asString();
        String unknown = client.passwordGrant(Personas.NOBODY.username, "not-her-password")
                .then().statusCode(400).body("error", equalTo("invalid_grant"))
                .extract().asString();
        assertEquals(wrong, unknown);
    }

    @Test
    void malformedTokenRequestsAreInvalidRequest() {
        client.request().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("username", "alice").post("/auth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        client.request().contentType(ContentType.URLENC).post("/auth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        client.request().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("username", "alice").formParam("username", "admin")
                .formParam("password", "alice-demo-password").post("/auth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        client.request().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"password\",\"username\":\"alice\",\"password\":\"alice-demo-password\"}")
                .post("/auth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void otherGrantTypesAreUnsupported() {
        client.request().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/auth/token")
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void jwksPublishesTheSigningKeyWithPublicParametersOnly() {
        client.request().get("/.well-known/jwks.json")
                .then().statusCode(200)
                .body("keys.kid", hasItem(TestTokens.serverKey().getKeyID()))
                .body("keys[0].kty", equalTo("EC"))
                .body("keys[0].alg", equalTo("ES256"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys", everyItem(not(hasKey("d"))));
    }

    @Test
    void optionsOnAnApiPathListsItsMethodsToATokenHolder() {
        client.bearer(Personas.ALICE).options("/api/me")
                .then().statusCode(200)
                .header("Allow", containsString("GET"))
                .body(not(containsString("<")));
    }

    @Test
    @Persistence
    void adminSeesAccountsButNeverPasswordHashes() {
        String body = client.bearer(Personas.ADMIN).get("/api/admin/accounts")
                .then().statusCode(200)
                .body("name", hasItem("alice"))
                .extract().asString();
        assertTrue(!body.contains("pbkdf2") && !body.toLowerCase().contains("password"), body);
    }

    // --- rejected tokens -----------------------------------------------------------------------------

    @Test
    void garbageTokenIsInvalid() {
        assertRefusedFor("malformed", "not-a-jwt");
    }

    @Test
    void expiredTokenIsRejected() {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        assertRefusedFor("expired", TestTokens.sign(TestTokens.serverKey(), TestTokens.aliceClaims()
                .issueTime(Date.from(past.minusSeconds(300))).expirationTime(Date.from(past)).build()));
    }

    @Test
    void tokenSignedWithAForeignKeyIsRejected() {
        assertRefusedFor("unknown_key", TestTokens.sign(TestTokens.foreignKey(), TestTokens.aliceClaims().build()));
        // even when it claims our key id: then the signature check refuses it
        assertRefusedFor("signature", TestTokens.sign(TestTokens.foreignKey(), TestTokens.aliceClaims().build(),
                h -> h.keyID(TestTokens.serverKey().getKeyID())));
    }

    @Test
    void tokenForAnotherAudienceOrIssuerIsRejected() {
        assertRefusedFor("audience", TestTokens.sign(TestTokens.serverKey(), TestTokens.aliceClaims().audience("someone-else").build()));
        assertRefusedFor("issuer", TestTokens.sign(TestTokens.serverKey(), TestTokens.aliceClaims().issuer("https://evil.example").build()));
    }

    @Test
    void alteredTokenIsRejected() throws ParseException {
        String token = client.token(Personas.ALICE);
        SignedJWT jwt = SignedJWT.parse(token);
        String adminClaims = Base64URL.encode(jwt.getJWTClaimsSet().toString()
                .replace("\"user\"", "\"user\",\"admin\"")).toString();
        String[] parts = token.split("\\.");
        assertRefusedFor("signature", parts[0] + "." + adminClaims + "." + parts[2]);
        assertRefusedFor("malformed", parts[0] + "." + parts[1] + ".");
    }

    @Test
    void unsignedTokenIsRejected() throws ParseException {
        SignedJWT jwt = SignedJWT.parse(client.token(Personas.ALICE));
        String none = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + jwt.getParsedParts()[1] + ".";
        assertRefusedFor("algorithm", none);
    }

    @Test
    void tokenWithOurClaimsAndKeyIsAcceptedSoTheRejectionsAboveAreMeaningful() {
        client.bearer(TestTokens.sign(TestTokens.serverKey(), TestTokens.aliceClaims().build())).get("/api/me")
                .then().statusCode(200).body("name", equalTo("alice"));
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        client.request().header("Authorization", "bearer " + client.token(Personas.ALICE)).get("/api/me")
                .then().statusCode(200).body("via", equalTo("jwt"));
    }

    @Test
    void otherSchemesAreAMalformedRequest() {
        client.request().header("Authorization", "Basic YWxpY2U6YWxpY2UtZGVtby1wYXNzd29yZA==").get("/api/me")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"dualauth\", error=\"invalid_request\""));
    }

    // --- notes through the API -----------------------------------------------------------------------

    @Test
    @Persistence
    void notesCanBeCreatedListedAndDeleted() {
        String token = client.token(Personas.ALICE);
        String text = "api note " + System.nanoTime();
        String id = client.bearer(token).contentType(ContentType.JSON).body("{\"text\":\"" + text + "\"}")
                .post("/api/notes")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("text", equalTo(text))
                .body("created", notNullValue())
                .extract().path("id");
        client.bearer(token).get("/api/notes").then().statusCode(200).body("id", hasItem(id));
        client.bearer(Personas.ADMIN).get("/api/notes").then().statusCode(200).body("id", not(hasItem(id)));
        client.bearer(Personas.ADMIN).delete("/api/notes/" + id).then().statusCode(404);
        client.bearer(token).delete("/api/notes/" + id).then().statusCode(204);
        client.bearer(token).delete("/api/notes/" + id).then().statusCode(404);
        client.bearer(token).get("/api/notes").then().statusCode(200).body("id", not(hasItem(id)));
    }

    @Test
    @Persistence
    void anAccountKeepsAtMostAThousandNotes() {
        String password = "notes-limit-" + java.util.UUID.randomUUID();
        String token = client.login(client.newUser(password), password).access();
        for (int i = 0; i < 1000; i++) {
            client.bearer(token).contentType(ContentType.JSON).body("{\"text\":\"note " + i + "\"}").post("/api/notes")
                    .then().statusCode(201);
        }
        client.bearer(token).contentType(ContentType.JSON).body("{\"text\":\"one too many\"}").post("/api/notes")
                .then().statusCode(409).body("error", equalTo("conflict"));
        client.bearer(token).get("/api/notes").then().statusCode(200).body("size()", equalTo(1000));
    }

    @Test
    @Persistence
    void badNoteInputIsAClientErrorAndChangesNothing() {
        String token = client.token(Personas.ALICE);
        int before = client.bearer(token).get("/api/notes").then().statusCode(200).extract().path("size()");
        client.bearer(token).contentType(ContentType.JSON).body("{\"text\":").post("/api/notes")
                .then().statusCode(400).body("error", notNullValue());
        client.bearer(token).contentType(ContentType.JSON).body("{\"text\":\"   \"}").post("/api/notes")
                .then().statusCode(400);
        client.bearer(token).contentType(ContentType.JSON).body("{\"text\":\"" + "x".repeat(2001) + "\"}")
                .post("/api/notes").then().statusCode(400);
        client.bearer(token).contentType(ContentType.TEXT).body("hello").post("/api/notes")
                .then().statusCode(415);
        // Only one object whose text is a string: object mapping accepted both of these.
        client.bearer(token).contentType(ContentType.JSON).body("[{\"text\":\"in an array\"}]").post("/api/notes")
                .then().statusCode(400).body("error", equalTo("the body must be a JSON object"));
        client.bearer(token).contentType(ContentType.JSON).body("{\"text\":123}").post("/api/notes")
                .then().statusCode(400).body("error", equalTo("\"text\" must be a string"));
        client.bearer(token).get("/api/notes").then().statusCode(200).body("size()", equalTo(before));
    }

    // --- rules beyond the container's, each with a crafted token signed by the server's own key ---------

    @Test
    void tokenWithoutAudienceIsRefused() {
        assertRefusedFor("audience", TestTokens.sign(TestTokens.serverKey(), TestTokens.aliceClaims().audience((String) null).build()));
    }

    @Test
    void tokenNotYetValidIsRefused() {
        Instant later = Instant.now().plus(Duration.ofMinutes(5));
        assertRefusedFor("not_yet_valid", TestTokens.sign(TestTokens.serverKey(),
                TestTokens.aliceClaims().notBeforeTime(Date.from(later)).build()));
    }

    @Test
    void tokenIssuedInTheFutureIsRefusedBeyondTheClockSkewOnly() {
        Instant later = Instant.now().plus(Duration.ofMinutes(5));
        assertRefusedFor("issued_in_future", TestTokens.sign(TestTokens.serverKey(),
                TestTokens.aliceClaims().issueTime(Date.from(later)).expirationTime(Date.from(later.plusSeconds(300))).build()));
        Instant withinSkew = Instant.now().plusSeconds(10);
        client.bearer(TestTokens.sign(TestTokens.serverKey(), TestTokens.aliceClaims().issueTime(Date.from(withinSkew)).build()))
                .get("/api/me").then().statusCode(200);
    }

    @Test
    void tokenOfAnotherTypeIsRefused() {
        assertRefusedFor("type", TestTokens.sign(TestTokens.serverKey(), TestTokens.aliceClaims().build(),
                h -> h.type(new JOSEObjectType("at+jwt"))));
    }

    @Test
    void tokenNamingAnUnknownKeyIsRefused() {
        assertRefusedFor("unknown_key", TestTokens.sign(TestTokens.serverKey(), TestTokens.aliceClaims().build(),
                h -> h.keyID("some-other-key")));
    }

    @Test
    void tokenCarryingItsOwnKeyIsRefused() {
        assertRefusedFor("forbidden_header", TestTokens.sign(TestTokens.foreignKey(), TestTokens.aliceClaims().build(),
                h -> h.jwk(TestTokens.foreignKey().toPublicJWK())));
        assertRefusedFor("forbidden_header", TestTokens.sign(TestTokens.serverKey(), TestTokens.aliceClaims().build(),
                h -> h.jwkURL(java.net.URI.create("https://evil.example/jwks.json"))));
        assertRefusedFor("forbidden_header", TestTokens.sign(TestTokens.serverKey(), TestTokens.aliceClaims().build(),
                h -> h.x509CertURL(java.net.URI.create("https://evil.example/cert.pem"))));
    }

    @Test
    void hmacTokenKeyedWithOurPublicKeyIsRefused() {
        assertRefusedFor("algorithm", TestTokens.hmacWithPublicKey(TestTokens.serverKey(), TestTokens.aliceClaims().build()));
    }

    @Test
    void oversizedTokenIsRefused() {
        assertRefusedFor("too_large", TestTokens.sign(TestTokens.serverKey(),
                TestTokens.aliceClaims().claim("padding", "x".repeat(5000)).build()));
    }

    @Test
    void tokenWithoutJtiIsRefused() {
        assertRefusedFor("missing_claim", TestTokens.sign(TestTokens.serverKey(), TestTokens.aliceClaims().jwtID(null).build()));
    }

    @Test
    void refusalsAreCountedForAdminsOnly() {
        client.bearer(Personas.ALICE).get("/api/admin/token-rejections").then().statusCode(403);
        client.bearer(Personas.ADMIN).get("/api/admin/token-rejections")
                .then().statusCode(200).body("expired", notNullValue()).body("signature", notNullValue());
    }

    private void assertRefusedFor(String reason, String token) {
        String admin = client.token(Personas.ADMIN);
        long before = ((Number) client.bearer(admin).get("/api/admin/token-rejections").path(reason)).longValue();
        client.assertInvalidToken(token);
        long after = ((Number) client.bearer(admin).get("/api/admin/token-rejections").path(reason)).longValue();
        assertEquals(before + 1, after, "refusals counted as " + reason);
    }
}
