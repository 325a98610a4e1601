package dev.dualauth.session;

import dev.dualauth.account.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code POST /web/logout}: ends the session on the server and tells the browser to drop its cookies. */
@Path("logout")
@RequestScoped
@DenyAll
public class WebLogoutResource {

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Context
    UriInfo uri;

    @Inject
    SessionSettings settings;

    /** {@code 204} for scripts; a browser's form post (which accepts HTML) goes back to the login page. */
    @POST
    @RolesAllowed(Roles.USER)
    public Response logout(@HeaderParam("Accept") String accept) throws ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        request.logout();
        response.addCookie(expiredSessionCookie(request.getServletContext().getSessionCookieConfig(),
                request.getContextPath()));
        new SessionBinding(settings.secureCookie()).clear(request, response);
        if (accept != null && accept.contains(MediaType.TEXT_HTML)) {
            // Absolute: servers resolve a relative Location differently (RESTEasy against the /web base).
            return Response.seeOther(uri.getBaseUriBuilder().replacePath(request.getContextPath() + LoginPages.LOGIN).build())
                    .build();
        }
        return Response.noContent().build();
    }

    /**
     * A cookie that replaces the session cookie and expires at once. Its attributes are the session
     * cookie's own, not the request's: behind a TLS-terminating proxy the request is plain HTTP, yet a
     * browser only lets a {@code Secure} cookie (such as {@code __Host-JSESSIONID}) clear a secure one.
     */
    static Cookie expiredSessionCookie(SessionCookieConfig config, String contextPath) {
        Cookie cookie = new Cookie(config.getName() == null ? "JSESSIONID" : config.getName(), "");
        cookie.setPath(config.getPath() != null ? config.getPath() : contextPath.isEmpty() ? "/" : contextPath);
        cookie.setMaxAge(0);
        cookie.setHttpOnly(true);
        cookie.setSecure(config.isSecure());
        return cookie;
    }
}
