package dev.dualauth.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualauth.it.suite.Persistence;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The account rules under attack (issue 14): common and context passwords refused on creation and change
 * (ASVS 5.0 6.2.4, 6.2.11); over-long login names refused like a wrong password, before the throttle
 * counts anything; look-alike account names refused, and a name logging in whatever its case.
 */
@Persistence
class AccountRulesIT extends ServerIT {

    static final String PASSWORD = "rules-password-1234";

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.packagedWar();
    }

    @Test
    void aCommonPasswordIsRefusedOnCreationWithTheReason() {
        create(unique("common"), "qwertyuiop123")
                .then().statusCode(400).body("error", equalTo("this password is one of the most commonly used ones"));
        create(unique("common"), "Sunshine2024!!")
                .then().statusCode(400).body("error", equalTo("this password is a commonly used one with digits or symbols added"));
    }

    @Test
    void aPasswordBuiltFromTheUserNameOrTheApplicationsNameIsRefusedOnCreation() {
        String name = unique("ctx");
        create(name, name.toUpperCase() + "-secret").then().statusCode(400).body("error", equalTo("passwords may not contain the user name"));
        create(name, "DualAuth-2024-secret").then().statusCode(400).body("error", equalTo("passwords may not contain the application's name"));
        client.bearer(Personas.ADMIN).get("/api/admin/accounts").then().statusCode(200).body("name", not(hasItem(name)));
    }

    @Test
    void aCommonPasswordIsRefusedOnChangeByEitherPathAndTheOldOneStillWorks() {
        String user = client.newUser(PASSWORD);
        changePassword(client.bearer(client.login(user, PASSWORD).access()), "/api/me/password", "iloveyou1234")
                .then().statusCode(400).body("error", equalTo("this password is one of the most commonly used ones"));
        changePassword(client.sessionWithCsrf(client.sessionOf(user, PASSWORD)), "/web/me/password", "password1234")
                .then().statusCode(400).body("error", equalTo("this password is one of the most commonly used ones"));
        // Letters first: "user-12345678-1234567" (an all-digit random part) would be the common "user", decorated.
        changePassword(client.bearer(client.login(user, PASSWORD).access()), "/api/me/password", "Zq" + user + "-1234567")
                .then().statusCode(400).body("error", equalTo("passwords may not contain the user name"));
        client.login(user, PASSWORD);
    }

    @Test
    void anOverLongNameIsAnsweredLikeAWrongPasswordAndNotCounted() {
        Response wrong = client.passwordGrant(Personas.ALICE.username, "not-her-password");
        wrong.then().statusCode(400);
        String overLong = "x" + UUID.randomUUID().toString().replace("-", "") + "y".repeat(32); // 65 characters
        assertEquals(65, overLong.length());
        Response refused = client.passwordGrant(overLong, "not-her-password");
        refused.then().statusCode(400).contentType(ContentType.JSON).header("Cache-Control", equalTo(wrong.getHeader("Cache-Control")));
        assertEquals(wrong.asString(), refused.asString(), "the same answer as a wrong password");

        // Five failures would lock a name; the form's count and the token endpoint's are one. Nothing is
        // counted for a name no account can have, so the next attempt still gets the plain refusal.
        for (int i = 0; i < 5; i++) {
            client.formLogin(overLong, "not-her-password").then().statusCode(302);
        }
        assertEquals(wrong.asString(), client.passwordGrant(overLong, "not-her-password").then().statusCode(400).extract().asString());

        String longest = overLong.substring(0, 64); // the longest name an account may have: counted as usual
        for (int i = 0; i < 5; i++) {
            client.passwordGrant(longest, "not-her-password").then().statusCode(400);
        }
        client.passwordGrant(longest, "not-her-password").then().statusCode(429);
    }

    @Test
    void lookAlikesOfAnExistingNameAreRefused() {
        for (String lookAlike : new String[] {"ALICE", "Alice", "\\uff41\\uff4c\\uff49\\uff43\\uff45" /* full-width */}) {
            create(lookAlike, PASSWORD).then().statusCode(409);
        }
        for (String outsideTheRule : new String[] {"alice.", "-alice", "ali\\u0441e" /* Cyrillic es */}) {
            create(outsideTheRule, PASSWORD).then().statusCode(400)
                    .body("error", equalTo("names: 1-64 of a-z 0-9 . _ - (compared without case), starting and ending with a letter or digit"));
        }
        String mixed = unique("Mixed");
        create(mixed, PASSWORD).then().statusCode(201).body("name", equalTo(mixed.toLowerCase()));
        create(mixed.toLowerCase(), PASSWORD).then().statusCode(409);
    }

    @Test
    void aNameInAnyCaseLogsInAsTheOneAccount() {
        String token = client.login("ALICE", Personas.ALICE.password).access();
        client.bearer(token).get("/api/me").then().statusCode(200).body("name", equalTo("alice"));
        client.session(Client.sessionOf(client.formLogin("Alice", Personas.ALICE.password)))
                .get("/web/me").then().statusCode(200).body("name", equalTo("alice"));
    }

    /** A NUL is what PostgreSQL cannot hold in text: it must be refused before any query, on every path. */
    @Test
    void controlCharactersInNamesAndNotesAreRefusedBeforeTheDatabase() {
        String wrong = client.passwordGrant(Personas.ALICE.username, "not-her-password").then().statusCode(400).extract().asString();
        assertEquals(wrong, client.passwordGrant("alice\u0000", "not-her-password").then().statusCode(400).extract().asString());
        assertEquals(wrong, client.passwordGrant("\u0000", Personas.ALICE.password).then().statusCode(400).extract().asString());
        client.formLogin("ali\u0000ce", Personas.ALICE.password).then().statusCode(302)
                .header("Location", equalTo(client.base() + "/login-error"));
        create("bad\\u0000name", PASSWORD).then().statusCode(400);

        // An admin's look-up of a name no account can have finds nothing (WildFly hands %00 on decoded).
        for (String path : new String[] {"/api/admin/accounts/%00", "/api/admin/accounts/a%00b/enable",
                "/api/admin/accounts/%00/disable", "/api/admin/accounts/%01/logout"}) {
            RequestSpecification admin = client.bearer(Personas.ADMIN).urlEncodingEnabled(false);
            int status = (path.endsWith("%00") ? admin.get(path) : admin.post(path)).then().extract().statusCode();
            assertTrue(status == 404 || status == 400, path + " -> " + status);
        }

        RequestSpecification notes = client.bearer(client.login(client.newUser(PASSWORD), PASSWORD).access()).contentType(ContentType.JSON);
        notes.body("{\"text\":\"a\\u0000b\"}").post("/api/notes").then().statusCode(400)
                .body("error", equalTo("text is required, at most 2000 characters, no control characters but tab and line breaks"));
        notes.body("{\"text\":\"two\\r\\nlines\\tand a tab\"}").post("/api/notes").then().statusCode(201)
                .body("text", equalTo("two\r\nlines\tand a tab"));
    }

    private String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The name is put into the JSON as is: escapes in it stay escapes for the server to decode. */
    private Response create(String name, String password) {
        return client.bearer(Personas.ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"password\":\"" + password + "\",\"roles\":[\"user\"]}")
                .post("/api/admin/accounts");
    }

    private static Response changePassword(RequestSpecification as, String path, String replacement) {
        return as.contentType(ContentType.JSON)
                .body("{\"current\":\"" + PASSWORD + "\",\"new\":\"" + replacement + "\"}")
                .post(path);
    }
}
