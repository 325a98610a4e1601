package dev.dualauth.it;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** What needs no login: {@code /ping}, health, OpenAPI, and error answers that leak nothing. */
class PublicEndpointsIT extends ServerIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.packagedWar();
    }

    @Test
    void pingAnswersWithoutAuthentication() {
        client.request().get("/ping").then().statusCode(200).contentType(ContentType.JSON).body("status", equalTo("ok"));
    }

    @Test
    void healthIsUpWithTheDatabaseCheck() {
        // WildFly serves health on its management port (the wildfly profile names the URL); Payara on the application's.
        String health = System.getProperty("dualauth.it.health-url", client.base() + "/health");
        client.request().get(health)
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"));
    }

    @Test
    void openApiDescribesBothSecuritySchemesAndTheTokenEndpoint() {
        client.request().accept("application/json").get("/openapi")
                .then().statusCode(200)
                .body("components.securitySchemes.session.in", equalTo("cookie"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths", org.hamcrest.Matchers.hasKey("/auth/token"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/me"))
                .body("paths", org.hamcrest.Matchers.hasKey("/web/me"));
    }

    @Test
    void authorizationServerMetadataNamesTheConfiguredIssuersUrlsWhateverTheHostHeaderSays() {
        for (String host : new String[] {null, "evil.example", "localhost:1"}) {
            var request = client.request();
            if (host != null) {
                request = request.header("Host", host);
            }
            request.get("/.well-known/oauth-authorization-server")
                    .then().statusCode(200)
                    .body("issuer", equalTo(TestTokens.ISSUER))
                    .body("token_endpoint", equalTo(TestTokens.ISSUER + "/auth/token"))
                    .body("revocation_endpoint", equalTo(TestTokens.ISSUER + "/auth/revoke"))
                    .body("jwks_uri", equalTo(TestTokens.ISSUER + "/.well-known/jwks.json"))
                    .body("grant_types_supported", containsInAnyOrder("password", "refresh_token"))
                    .body(not(containsString("evil")));
        }
    }

    @Test
    void unknownPathIsAShortJson404ThatNamesNoServer() {
        client.request().get("/no/such/page")
                .then().statusCode(404)
                .contentType(ContentType.JSON)
                .body("error", equalTo("not_found"))
                .body(not(containsString("Payara")))
                .body(not(containsString("Exception")));
    }

    @Test
    void wrongMethodIsA405WithoutInternals() {
        client.request().delete("/ping")
                .then().statusCode(405)
                .body(not(containsString("Payara")))
                .body(not(containsString("Exception")));
    }

    @Test
    void optionsListsTheMethodsAndNothingElse() {
        client.request().options("/ping")
                .then().statusCode(200)
                .header("Allow", containsString("GET"))
                .body(not(containsString("<")));
    }

    @Test
    void noWadlDescribesTheResources() {
        client.request().get("/application.wadl").then().statusCode(404);
    }
}
