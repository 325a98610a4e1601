package dev.dualauth.it;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dualauth.app.OpenApiDocumentTest;
import dev.dualauth.it.suite.Persistence;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
    @Persistence
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

    /**
     * The served document passes a standard OpenAPI validator (swagger-parser) as it is served, whatever the
     * server adds to it, and serves exactly the operations of the written document, which
     * {@code OpenApiDocumentTest} checks against the resource classes. Payara Micro 7.2025.1 added a
     * non-standard top-level {@code endpoints} member that every validator refused; 7.2026.11 names it
     * {@code x-endpoints}, which OpenAPI allows, and needs no exception.
     *
     * <p>One exception, on WildFly only: its host-level model (WildFly's
     * {@code HostOpenAPIProviderServiceInstaller}) always sets {@code externalDocs} and {@code info.license}
     * from MicroProfile Config, as empty objects when nothing is configured, and the validator rightly
     * refuses an {@code externalDocs} without {@code url} and a {@code license} without {@code name}. The two
     * messages are let through only while both objects are served empty (docs/deployment.md, what differs).
     */
    @Test
    void theServedOpenApiDocumentIsValidAndHasTheWrittenOperations() throws IOException {
        String served = client.request().accept("application/json").get("/openapi")
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString();
        var result = OpenApiDocumentTest.parse(served);
        List<String> messages = new ArrayList<>(OpenApiDocumentTest.messages(result));
        var document = result.getOpenAPI();
        if ("wildfly".equals(System.getProperty("arquillian.launch"))
                && document.getExternalDocs() != null && document.getExternalDocs().getUrl() == null
                && document.getExternalDocs().getDescription() == null
                && document.getInfo().getLicense() != null && document.getInfo().getLicense().getName() == null
                && document.getInfo().getLicense().getUrl() == null) {
            messages.removeAll(WILDFLY_EMPTY_MEMBERS);
        }
        assertEquals(List.of(), messages, "what the OpenAPI validator reports");
        assertEquals(OpenApiDocumentTest.operations(OpenApiDocumentTest.written()),
                OpenApiDocumentTest.operations(document), "the served document's operations");
    }

    /** What swagger-parser says of the empty objects WildFly adds (above). */
    private static final List<String> WILDFLY_EMPTY_MEMBERS = List.of("attribute info.license.name is missing", "attribute externalDocs.url is missing");

    @Test
    void theStartPageLinksBothWaysToSignIn() {
        client.request().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .body(containsString("href=\"web/\""))
                .body(containsString("href=\"app/\""));
    }

    @Test
    void authorizationServerMetadataNamesTheConfiguredIssuersUrlsWhicheverHostItIsAskedOn() {
        // A host the server does not answer to is refused outright (SessionAttackIT); among those it answers
        // to, the metadata stays the issuer's.
        client.request().header("Host", "evil.example").get("/.well-known/oauth-authorization-server")
                .then().statusCode(400).body(not(containsString("evil")));
        for (String host : new String[] {null, "127.0.0.1:9", "localhost:1"}) {
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
                    .body("authorization_endpoint", equalTo(TestTokens.ISSUER + "/auth/authorize"))
                    .body("grant_types_supported", containsInAnyOrder("authorization_code", "password", "refresh_token"))
                    .body(not(containsString("evil")));
        }
    }

    @Test
    void theServersMetricsAreNotPublished() {
        var answer = client.request().get("/metrics");
        org.junit.jupiter.api.Assertions.assertTrue(answer.statusCode() == 403 || answer.statusCode() == 404,
                "/metrics answered " + answer.statusCode());
        answer.then().body(not(containsString("heap"))).body(not(containsString("thread")));
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
