package dev.dualauth.token.oauth;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What the OAuth endpoints that take a form share: anything but {@code application/x-www-form-urlencoded}
 * is a malformed request ({@code 400 invalid_request}, RFC 6749 §4.1.3, §5.2; RFC 7009 §2.1), not the
 * {@code 415} JAX-RS would answer.
 */
public abstract class FormEndpoint {

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response notAForm() {
        return OAuthError.of(OAuthError.INVALID_REQUEST, "send application/x-www-form-urlencoded");
    }
}
