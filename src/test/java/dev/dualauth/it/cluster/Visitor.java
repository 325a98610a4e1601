package dev.dualauth.it.cluster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;

/**
 * A browser's part in the cluster tests: keeps every cookie the servers set (the session id and Payara's
 * {@code JSESSIONIDVERSION}, as browsers do) and sends them to whichever address it is pointed at — a
 * node directly, or the balancer. Never follows redirects; prints request and response of a failed check.
 */
final class Visitor {

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private final Map<String, String> cookies = new HashMap<>();

    /** A request to {@code base} with this visitor's cookies; call {@link #keep} with its response. */
    RequestSpecification at(String base) {
        return given().baseUri(base).redirects().follow(false).cookies(cookies);
    }

    Response keep(Response response) {
        response.getCookies().forEach((name, value) -> {
            if (value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        });
        return response;
    }

    Response get(String base, String path) {
        return keep(at(base).get(path));
    }

    /** Logs in through the form at {@code base}. */
    Visitor logIn(String base, String user, String password) {
        keep(at(base).contentType(ContentType.URLENC).formParam("j_username", user).formParam("j_password", password)
                .post("/j_security_check"))
                .then().statusCode(302).header("Location", startsWith(base + "/web/"));
        get(base, "/web/me").then().statusCode(200).body("name", equalTo(user));
        return this;
    }

    String csrf(String base) {
        return get(base, "/web/csrf").then().statusCode(200).extract().path("token");
    }

    /** An unsafe request as a same-origin page sends it: with the session's CSRF token. */
    RequestSpecification unsafe(String base, String csrfToken) {
        return at(base).header("X-CSRF-Token", csrfToken);
    }

    String sessionId() {
        return cookies.get("JSESSIONID");
    }

    static Response passwordGrant(String base, String user, String password) {
        return given().baseUri(base).contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("username", user).formParam("password", password).post("/auth/token");
    }

    static Response refreshGrant(String base, String refreshToken) {
        return given().baseUri(base).contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken).post("/auth/token");
    }

    static RequestSpecification bearer(String base, String token) {
        return given().baseUri(base).redirects().follow(false).header("Authorization", "Bearer " + token);
    }
}
