package dev.dualauth.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.dualauth.it.suite.Persistence;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** The admin's account operations under {@code /api/admin/accounts} (the same class serves {@code /web}). */
@Persistence
class AdminAccountsIT extends ServerIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.packagedWar();
    }

    @Test
    void theLocationOfACreatedAccountAnswersWithThatAccount() {
        String admin = client.token(Personas.ADMIN);
        String name = "located-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = client.bearer(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"password\":\"a-long-enough-password\",\"roles\":[\"user\"]}")
                .post("/api/admin/accounts");
        created.then().statusCode(201).header("Location", startsWith(client.base() + "/api/admin/accounts/"));

        String location = created.getHeader("Location");
        client.bearer(admin).get(location.substring(client.base().length()))
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("name", equalTo(name))
                .body("roles", hasItem("user"))
                .body("enabled", equalTo(true))
                .body("$", not(hasKey("passwordHash")))
                .body("$", not(hasKey("password")));
    }

    @Test
    void anUnknownAccountIs404AndOnlyAdminsMayLookOneUp() {
        client.bearer(client.token(Personas.ADMIN)).get("/api/admin/accounts/no-such-" + UUID.randomUUID())
                .then().statusCode(404).body("error", equalTo("not_found"));
        client.bearer(client.token(Personas.ALICE)).get("/api/admin/accounts/alice")
                .then().statusCode(403).body("error", equalTo("forbidden"));
        client.session(client.sessionOf(Personas.ADMIN)).get("/web/admin/accounts/alice")
                .then().statusCode(200).body("name", equalTo("alice"));
    }
}
