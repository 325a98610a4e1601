package dev.dualauth.session;

import dev.dualauth.security.NoStore;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /login} and {@code GET /login-error}: the FORM mechanism's pages. One plain, accessible HTML
 * form; the error page is the same form with a message that says only that the login failed.
 */
@Path("")
@ApplicationScoped
@PermitAll
public class LoginPages {

    public static final String LOGIN = "/login";
    public static final String LOGIN_ERROR = "/login-error";

    /** Announced by screen readers when the page loads ({@code role="alert"}); the browser tests find it by id. */
    static final String FAILED = "<p id=\"login-error\" class=\"message error\" role=\"alert\">"
            + "Wrong user name or password. Please try again.</p>";

    private final String template = read("login.html");

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response login() {
        return page(template.replace("<!--MESSAGE-->", ""));
    }

    @GET
    @Path("login-error")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response loginError() {
        return page(template.replace("<!--MESSAGE-->", FAILED));
    }

    private static Response page(String html) {
        return NoStore.on(Response.ok(html)).build();
    }

    private static String read(String name) {
        try (InputStream in = LoginPages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
