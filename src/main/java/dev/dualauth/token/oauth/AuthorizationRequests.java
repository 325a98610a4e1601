package dev.dualauth.token.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import dev.dualauth.token.keys.TokenSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks an authorization request ({@code GET /auth/authorize}, RFC 6749 §4.1.1 with PKCE) before anyone
 * logs in, and again when the code is issued. The order matters (§4.1.2.1): the client and its exact
 * redirect URI first — if either is wrong the user gets a {@code 400} page and is never redirected, so the
 * endpoint cannot be used as an open redirector — then everything else, whose errors go back to the
 * client's redirect URI with {@code error} and the {@code state}.
 */
@ApplicationScoped
public class AuthorizationRequests {

    public static final String PATH = "/auth/authorize";

    /** base64url of a SHA-256: 43 characters (RFC 7636 §4.2). */
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int MAX_QUERY = 4096;

    /** The outcome of the check. */
    public sealed interface Check {
        /** Everything in order: the code may be issued once the user is logged in. */
        record Valid(OAuthClient client, String redirectUri, State state, String codeChallenge) implements Check {
        }

        /** Unknown client or redirect URI: a {@code 400} page for the user, no redirect. */
        record Refused(String message) implements Check {
        }

        /** Any other error, reported to the client at its redirect URI. */
        record Redirect(URI location) implements Check {
        }
    }

    @Inject
    OAuthSettings settings;

    @Inject
    TokenSettings tokens;

    private Issuer issuer;

    @PostConstruct
    void init() {
        issuer = new Issuer(tokens.issuer());
    }

    public Check check(String query) {
        if (query == null || query.length() > MAX_QUERY) {
            return new Check.Refused("The sign-in request is missing or too long.");
        }
        Map<String, List<String>> params;
        try {
            params = URLUtils.parseParameters(query);
        } catch (IllegalArgumentException malformed) {
            return new Check.Refused("The sign-in request is malformed.");
        }
        String clientId = single(params, "client_id");
        OAuthClient client = settings.client(clientId).orElse(null);
        if (client == null) {
            return new Check.Refused("The application asking you to sign in is not known here.");
        }
        String redirectUri = single(params, "redirect_uri");
        if (redirectUri == null || !client.allows(redirectUri)) {
            return new Check.Refused("The address this request would return you to is not registered for the application.");
        }
        String stateValue = single(params, "state");
        State state = stateValue == null ? null : new State(stateValue);
        URI redirect = URI.create(redirectUri);
        if (params.values().stream().anyMatch(values -> values.size() > 1)) {
            // Not naming it: the name is the client's text, and an error description has a restricted charset.
            return error(redirect, state, OAuth2Error.INVALID_REQUEST.setDescription("a parameter is repeated"));
        }
        AuthorizationRequest request;
        try {
            request = AuthorizationRequest.parse(params);
        } catch (ParseException e) {
            ErrorObject error = e.getErrorObject() != null ? e.getErrorObject() : OAuth2Error.INVALID_REQUEST;
            return error(redirect, state, error);
        }
        if (!ResponseType.CODE.equals(request.getResponseType())) {
            return error(redirect, state, OAuth2Error.UNSUPPORTED_RESPONSE_TYPE.setDescription("only response_type=code"));
        }
        if (request.getResponseMode() != null && !ResponseMode.QUERY.equals(request.getResponseMode())) {
            return error(redirect, state, OAuth2Error.INVALID_REQUEST.setDescription("only response_mode=query"));
        }
        if (request.specifiesRequestObject()) {
            return error(redirect, state, OAuth2Error.REQUEST_NOT_SUPPORTED);
        }
        if (request.getCodeChallenge() == null) {
            return error(redirect, state, OAuth2Error.INVALID_REQUEST.setDescription("code_challenge is required (PKCE)"));
        }
        if (!CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) { // absent: plain (RFC 7636 4.3), refused
            return error(redirect, state, OAuth2Error.INVALID_REQUEST.setDescription("code_challenge_method must be S256"));
        }
        String challenge = request.getCodeChallenge().getValue();
        if (!S256_CHALLENGE.matcher(challenge).matches()) {
            return error(redirect, state, OAuth2Error.INVALID_REQUEST.setDescription("code_challenge is not an S256 challenge"));
        }
        return new Check.Valid(client, redirectUri, state, challenge);
    }

    /**
     * Answers a request that must not go on to the login: the {@code 400} page or the error redirect.
     * Returns false, answering nothing, for a valid request.
     */
    public boolean answerIfInvalid(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Check check = check(request.getQueryString());
        if (check instanceof Check.Refused refused) {
            byte[] page = RefusedPage.html(request.getContextPath(), refused.message()).getBytes(StandardCharsets.UTF_8);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/html;charset=utf-8");
            response.setContentLength(page.length);
            response.getOutputStream().write(page);
            // closed, not only flushed: the answer is complete, so that the container does not try to send an
            // error page of its own after it (WildFly logged "Response already committed" for each)
            response.getOutputStream().close();
            return true;
        }
        if (check instanceof Check.Redirect redirect) {
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", redirect.location().toString());
            response.setContentLength(0);
            response.flushBuffer();
            return true;
        }
        return false;
    }

    Issuer issuer() {
        return issuer;
    }

    private Check error(URI redirect, State state, ErrorObject error) {
        return new Check.Redirect(new AuthorizationErrorResponse(redirect, error, state, issuer, ResponseMode.QUERY).toURI());
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.size() != 1 || values.get(0).isEmpty() ? null : values.get(0);
    }
}
