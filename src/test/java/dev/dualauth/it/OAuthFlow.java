package dev.dualauth.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The authorization code flow with PKCE as a client runs it, step by step, so that each test can change
 * one step: the authorization request, the redirect back, the code exchange.
 */
final class OAuthFlow {

    static final String CLIENT = "dualauth-spa";
    static final String OTHER_CLIENT = "it-other";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Client client;
    final String redirectUri;
    final String verifier = random(32);
    final String state = random(16);

    OAuthFlow(Client client) {
        this.client = client;
        this.redirectUri = "http://127.0.0.1:" + URI.create(client.base()).getPort() + "/app/";
    }

    /** The parameters of a valid authorization request; tests change or remove some. */
    Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", CLIENT);
        params.put("redirect_uri", redirectUri);
        params.put("state", state);
        params.put("code_challenge", challenge(verifier));
        params.put("code_challenge_method", "S256");
        return params;
    }

    static String authorizePath(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&")
                .append(encode(name)).append('=').append(encode(value)));
        return "/auth/authorize?" + query;
    }

    /** The authorization request in the given session (null: none); asserts nothing. */
    Response authorize(String sessionId, Map<String, String> params) {
        var request = sessionId == null ? client.request() : client.session(sessionId);
        return request.urlEncodingEnabled(false).get(authorizePath(params));
    }

    /** A code for the user of the session, checked to come back to the redirect URI with the state. */
    String code(String sessionId) {
        Response answer = authorize(sessionId, params());
        answer.then().statusCode(302).header("Location", startsWith(redirectUri + "?"));
        Map<String, String> back = query(answer.header("Location"));
        if (!state.equals(back.get("state"))) {
            throw new AssertionError("state not echoed: " + back.keySet());
        }
        return back.get("code");
    }

    Response exchange(String code) {
        return exchange(code, CLIENT, redirectUri, verifier);
    }

    Response exchange(String code, String clientId, String redirect, String codeVerifier) {
        var request = client.request().contentType(ContentType.URLENC).formParam("grant_type", "authorization_code");
        if (code != null) {
            request.formParam("code", code);
        }
        if (clientId != null) {
            request.formParam("client_id", clientId);
        }
        if (redirect != null) {
            request.formParam("redirect_uri", redirect);
        }
        if (codeVerifier != null) {
            request.formParam("code_verifier", codeVerifier);
        }
        return request.post("/auth/token");
    }

    /** Access and refresh token of a successful exchange. */
    Client.Tokens tokens(String code) {
        Response r = exchange(code);
        r.then().statusCode(200).header("Cache-Control", "no-store").body("token_type", equalTo("Bearer"));
        return new Client.Tokens(r.path("access_token"), r.path("refresh_token"));
    }

    static void assertInvalidGrant(Response r) {
        r.then().statusCode(400).header("Cache-Control", "no-store").body("error", equalTo("invalid_grant"));
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded query parameters of a URL (each once). */
    static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
