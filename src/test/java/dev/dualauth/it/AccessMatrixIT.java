package dev.dualauth.it;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The access contract, once for each way in: persona × endpoint gives the same status by session
 * ({@code /web/**}) and by token ({@code /api/**}); who is not authenticated is refused as that way
 * refuses. What only one way has stays in {@link SessionPathIT} and {@link TokenPathIT}.
 */
class AccessMatrixIT extends ServerIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.packagedWar();
    }

    /** How a way in answers a request it does not authenticate. */
    enum Refusal {
        LOGIN_PAGE("302 to the login page") {
            @Override
            void assertOn(Response answer, Client client) {
                answer.then().statusCode(302).header("Location", equalTo(client.base() + "/login"));
            }
        },
        BEARER_CHALLENGE("401 with the Bearer challenge") {
            @Override
            void assertOn(Response answer, Client client) {
                answer.then().statusCode(401)
                        .header("WWW-Authenticate", equalTo("Bearer realm=\"dualauth\""))
                        .body("error", equalTo("unauthorized"));
            }
        };

        private final String description;

        Refusal(String description) {
            this.description = description;
        }

        abstract void assertOn(Response answer, Client client);

        @Override
        public String toString() {
            return description;
        }
    }

    /** A way in: how a persona logs in, where its paths live, what {@code me} says of it. */
    enum Way {
        /** FORM login, the session cookie, {@code /web/**}. */
        SESSION("/web", "session") {
            @Override
            RequestSpecification as(Client client, Personas who) {
                return client.session(who);
            }
        },
        /** Password grant, the bearer token, {@code /api/**}. */
        TOKEN("/api", "jwt") {
            @Override
            RequestSpecification as(Client client, Personas who) {
                return client.bearer(who);
            }
        };

        final String root;
        final String via;

        Way(String root, String via) {
            this.root = root;
            this.via = via;
        }

        /** A request with a fresh login of the persona by this way. */
        abstract RequestSpecification as(Client client, Personas who);

        String path(Endpoint endpoint) {
            return root + "/" + endpoint.path;
        }
    }

    /** The protected endpoints, relative to a way's root. */
    enum Endpoint {
        /** The HTML home page; the session path's only (the API has no home). */
        HOME(""),
        ME("me"),
        NOTES("notes"),
        ADMIN_ACCOUNTS("admin/accounts");

        final String path;

        Endpoint(String path) {
            this.path = path;
        }

        @Override
        public String toString() {
            return this == HOME ? "home" : path;
        }
    }

    /** One cell of the contract: what the persona gets from the endpoint, by whichever way in. */
    record Cell(Personas who, Endpoint endpoint, int status) {
    }

    static final List<Cell> CONTRACT = List.of(
            new Cell(Personas.ALICE, Endpoint.ME, 200),
            new Cell(Personas.ALICE, Endpoint.NOTES, 200),
            new Cell(Personas.ALICE, Endpoint.ADMIN_ACCOUNTS, 403),
            new Cell(Personas.ADMIN, Endpoint.ME, 200),
            new Cell(Personas.ADMIN, Endpoint.NOTES, 200),
            new Cell(Personas.ADMIN, Endpoint.ADMIN_ACCOUNTS, 200));

    /** The contract crossed with the ways in. */
    static Stream<Arguments> matrix() {
        return Stream.of(Way.values()).flatMap(way -> CONTRACT.stream()
                .map(cell -> Arguments.of(cell.who(), way, cell.endpoint(), cell.status())));
    }

    @ParameterizedTest(name = "{0} via {1} GET {2} -> {3}")
    @MethodSource("matrix")
    void personaGetsTheContractStatus(Personas who, Way way, Endpoint endpoint, int status) {
        way.as(client, who).get(way.path(endpoint)).then().statusCode(status);
    }

    static Stream<Arguments> anonymousRequests() {
        return Stream.of(
                Arguments.of(Way.SESSION, Endpoint.ME, Refusal.LOGIN_PAGE),
                Arguments.of(Way.SESSION, Endpoint.NOTES, Refusal.LOGIN_PAGE),
                Arguments.of(Way.SESSION, Endpoint.ADMIN_ACCOUNTS, Refusal.LOGIN_PAGE),
                Arguments.of(Way.SESSION, Endpoint.HOME, Refusal.LOGIN_PAGE),
                Arguments.of(Way.TOKEN, Endpoint.ME, Refusal.BEARER_CHALLENGE),
                Arguments.of(Way.TOKEN, Endpoint.NOTES, Refusal.BEARER_CHALLENGE),
                Arguments.of(Way.TOKEN, Endpoint.ADMIN_ACCOUNTS, Refusal.BEARER_CHALLENGE));
    }

    @ParameterizedTest(name = "anonymous via {0} GET {1} -> {2}")
    @MethodSource("anonymousRequests")
    void anonymousIsRefused(Way way, Endpoint endpoint, Refusal refusal) {
        refusal.assertOn(client.request().get(way.path(endpoint)), client);
    }

    /** A credential of one way is no credential on the other: the request is refused as anonymous. */
    static Stream<Arguments> otherWaysCredential() {
        return Stream.of(
                Arguments.of(Way.TOKEN, Way.SESSION, Refusal.LOGIN_PAGE),
                Arguments.of(Way.SESSION, Way.TOKEN, Refusal.BEARER_CHALLENGE));
    }

    @ParameterizedTest(name = "ALICE with a {0} credential via {1} GET me -> {2}")
    @MethodSource("otherWaysCredential")
    void aliceWithTheOtherWaysCredentialIsRefusedAsAnonymous(Way credential, Way way, Refusal refusal) {
        refusal.assertOn(credential.as(client, Personas.ALICE).get(way.path(Endpoint.ME)), client);
    }

    @ParameterizedTest(name = "ALICE via {0} GET admin/accounts -> 403 with a JSON error")
    @EnumSource(Way.class)
    void aliceWithoutTheAdminRoleGetsAJson403(Way way) {
        way.as(client, Personas.ALICE).get(way.path(Endpoint.ADMIN_ACCOUNTS))
                .then().statusCode(403)
                .contentType(ContentType.JSON).body("error", equalTo("forbidden"));
    }

    @ParameterizedTest(name = "ADMIN via {0} GET me -> 200 with name, roles and way in")
    @EnumSource(Way.class)
    void adminsMeSaysWhoAndHow(Way way) {
        way.as(client, Personas.ADMIN).get(way.path(Endpoint.ME))
                .then().statusCode(200)
                .body("name", equalTo("admin"))
                .body("roles", equalTo(List.of("user", "admin")))
                .body("via", equalTo(way.via));
    }
}
