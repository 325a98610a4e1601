package dev.dualauth.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;

/**
 * Drives the running server the way a client would: logs in by either path and prints request and
 * response of any failed check.
 */
public final class Client {

    public static final String SESSION_COOKIE = "JSESSIONID";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private final String base;

    public Client(URL base) {
        String url = base.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String base() {
        return base;
    }

    /** A request that never follows redirects, so that each test sees exactly what the server said. */
    public RequestSpecification request() {
        return given().baseUri(base).redirects().follow(false);
    }

    public RequestSpecification bearer(String token) {
        return request().header("Authorization", "Bearer " + token);
    }

    public RequestSpecification session(String sessionId) {
        return request().cookie(SESSION_COOKIE, sessionId);
    }

    /** The session's CSRF token, from {@code GET /web/csrf}. */
    public String csrf(String sessionId) {
        return session(sessionId).get("/web/csrf")
                .then().statusCode(200).body("header", org.hamcrest.Matchers.equalTo(CSRF_HEADER))
                .extract().path("token");
    }

    /** A session request as a same-origin page script sends it: with the CSRF token header. */
    public RequestSpecification sessionWithCsrf(String sessionId) {
        return session(sessionId).header(CSRF_HEADER, csrf(sessionId));
    }

    public Response passwordGrant(String username, String password) {
        return request().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("username", username)
                .formParam("password", password)
                .post("/auth/token");
    }

    public Response refreshGrant(String refreshToken) {
        return request().contentType(ContentType.URLENC)
                .formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken)
                .post("/auth/token");
    }

    public Response revoke(String token) {
        return request().contentType(ContentType.URLENC).formParam("token", token).post("/auth/revoke");
    }

    /** Creates an account of role user with a random name, through the admin API; returns its name. */
    public String newUser(String password) {
        String name = "user-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        bearer(token(Personas.ADMIN)).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"password\":\"" + password + "\",\"roles\":[\"user\"]}")
                .post("/api/admin/accounts")
                .then().statusCode(201);
        return name;
    }

    /** Access and refresh token of a password grant. */
    public Tokens login(String username, String password) {
        Response r = passwordGrant(username, password);
        r.then().statusCode(200);
        return new Tokens(r.path("access_token"), r.path("refresh_token"));
    }

    /** Logs in through the form and returns the session id. */
    public String sessionOf(String username, String password) {
        Response login = formLogin(null, username, password);
        login.then().statusCode(302).header("Location", startsWith(base + "/web/"));
        return login.getCookie(SESSION_COOKIE);
    }

    public record Tokens(String access, String refresh) {
    }

    /** A fresh access token for the persona. */
    public String token(Personas who) {
        return passwordGrant(who.username, who.password)
                .then().statusCode(200)
                .extract().path("access_token");
    }

    public Response formLogin(String sessionId, String username, String password) {
        RequestSpecification spec = request().contentType(ContentType.URLENC)
                .formParam("j_username", username)
                .formParam("j_password", password);
        if (sessionId != null) {
            spec = spec.cookie(SESSION_COOKIE, sessionId);
        }
        return spec.post("/j_security_check");
    }

    /** Logs in through the form (direct POST, no page asked for first) and returns the session id. */
    public String sessionOf(Personas who) {
        Response login = formLogin(null, who.username, who.password);
        login.then().statusCode(302).header("Location", startsWith(base + "/web/"));
        String id = login.getCookie(SESSION_COOKIE);
        session(id).get("/web/me").then().statusCode(200).body("name", equalTo(who.username));
        return id;
    }
}
