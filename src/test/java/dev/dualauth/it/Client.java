package dev.dualauth.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.UUID;

/**
 * Drives the running server the way a client would: logs in by either path and prints request and
 * response of any failed check.
 */
public final class Client {

    public static final String SESSION_COOKIE = "JSESSIONID";
    /** The second cookie of a logged-in session (dev.dualauth.session.SessionBinding). */
    public static final String BINDING_COOKIE = "DUALAUTH_SESSION_KEY";
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

    // --- the session path ----------------------------------------------------------------------------

    /**
     * A request in a session: {@code session} is a session id alone, or a logged-in session's two cookie
     * values as {@link #sessionOf(Response)} joins them ("id binding").
     */
    public RequestSpecification session(String session) {
        String binding = bindingOf(session);
        RequestSpecification request = request().cookie(SESSION_COOKIE, idOf(session));
        return binding == null ? request : request.cookie(BINDING_COOKIE, binding);
    }

    /**
     * The session a response set, as {@link #session(String)} takes it: the session id, with the binding
     * value when the response set one too (a login does); null if it set no session cookie.
     */
    public static String sessionOf(Response response) {
        return joined(response.getCookie(SESSION_COOKIE), response.getCookie(BINDING_COOKIE));
    }

    /** A session as {@link #session(String)} takes it, from its two cookie values; null without an id. */
    public static String joined(String id, String binding) {
        return id == null ? null : binding == null || binding.isEmpty() ? id : id + " " + binding;
    }

    /** The session id of a session as {@link #session(String)} takes it. */
    public static String idOf(String session) {
        int space = session.indexOf(' ');
        return space < 0 ? session : session.substring(0, space);
    }

    /** The binding value of a session as {@link #session(String)} takes it, or null for an id alone. */
    public static String bindingOf(String session) {
        int space = session.indexOf(' ');
        return space < 0 ? null : session.substring(space + 1);
    }

    /** The value of a {@code Cookie} header carrying the session's cookies, for requests written by hand. */
    public static String cookieHeader(String session) {
        String binding = bindingOf(session);
        return SESSION_COOKIE + "=" + idOf(session) + (binding == null ? "" : "; " + BINDING_COOKIE + "=" + binding);
    }

    /** A request in a fresh session of the persona. */
    public RequestSpecification session(Personas who) {
        return session(sessionOf(who));
    }

    /** The FORM login POST, sent as {@code as} is (with its cookies and headers); asserts nothing. */
    public Response formLogin(RequestSpecification as, String username, String password) {
        return as.contentType(ContentType.URLENC)
                .formParam("j_username", username)
                .formParam("j_password", password)
                .post("/j_security_check");
    }

    /** The FORM login POST in the given session (none if {@code null}); asserts nothing. */
    public Response formLogin(String sessionId, String username, String password) {
        return formLogin(sessionId == null ? request() : session(sessionId), username, password);
    }

    /** The FORM login POST without a session; asserts nothing. */
    public Response formLogin(String username, String password) {
        return formLogin(request(), username, password);
    }

    /**
     * Logs in through the form (direct POST, no page asked for first), checks that the new session
     * authenticates the user, and returns its id.
     */
    public String sessionOf(String username, String password) {
        Response login = formLogin(username, password);
        login.then().statusCode(302).header("Location", startsWith(base + "/web/"));
        String session = sessionOf(login);
        session(session).get("/web/me").then().statusCode(200).body("name", equalTo(username));
        return session;
    }

    public String sessionOf(Personas who) {
        return sessionOf(who.username, who.password);
    }

    /** The session's CSRF token, from {@code GET /web/csrf}. */
    public String csrf(String sessionId) {
        return session(sessionId).get("/web/csrf")
                .then().statusCode(200).body("header", equalTo(CSRF_HEADER))
                .extract().path("token");
    }

    /** A session request as a same-origin page script sends it: with the CSRF token header. */
    public RequestSpecification sessionWithCsrf(String sessionId) {
        return session(sessionId).header(CSRF_HEADER, csrf(sessionId));
    }

    // --- the token path ------------------------------------------------------------------------------

    public RequestSpecification bearer(String token) {
        return request().header("Authorization", "Bearer " + token);
    }

    /** A request with a fresh access token of the persona. */
    public RequestSpecification bearer(Personas who) {
        return bearer(token(who));
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

    /** Access and refresh token of a password grant. */
    public Tokens login(String username, String password) {
        Response r = passwordGrant(username, password);
        r.then().statusCode(200);
        return Tokens.of(r);
    }

    public Tokens login(Personas who) {
        return login(who.username, who.password);
    }

    /** A fresh access token for the persona. */
    public String token(Personas who) {
        return login(who).access();
    }

    /** The API refuses the token as the RFC 6750 {@code invalid_token} (bad, expired or revoked). */
    public void assertInvalidToken(String token) {
        bearer(token).get("/api/me")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"dualauth\", error=\"invalid_token\""))
                .body("error", equalTo("invalid_token"));
    }

    public record Tokens(String access, String refresh) {

        /** The tokens of a successful token response. */
        static Tokens of(Response tokenResponse) {
            return new Tokens(tokenResponse.path("access_token"), tokenResponse.path("refresh_token"));
        }
    }

    // --- accounts ------------------------------------------------------------------------------------

    /** Creates an account of role user with a random name, through the admin API; returns its name. */
    public String newUser(String password) {
        String name = "user-" + UUID.randomUUID().toString().substring(0, 8);
        bearer(Personas.ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"password\":\"" + password + "\",\"roles\":[\"user\"]}")
                .post("/api/admin/accounts")
                .then().statusCode(201);
        return name;
    }
}
