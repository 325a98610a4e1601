package dev.dualauth.app;

import dev.dualauth.security.NoStore;
import dev.dualauth.token.BearerChallenge;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The container's error page ({@code web.xml}): errors raised outside the resources (a 404 of the
 * container, a 403 from a security constraint, an uncaught exception) answer with the same short JSON as
 * the resources, instead of the server's HTML page that names its version.
 */
@WebServlet("/error")
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        response.setStatus(status);
        NoStore.on(response);
        response.setContentType("application/json;charset=utf-8");
        String bearerError = BearerChallenge.write(request, response);
        String error = bearerError != null ? bearerError : status >= 500 ? ErrorMapper.SERVER_ERROR : ErrorMapper.reason(status);
        response.getWriter().write(ErrorMapper.body(error));
    }
}
