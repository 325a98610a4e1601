package dev.dualauth.pages;

import dev.dualauth.security.Digests;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code GET /} (the page linking both ways, {@code src/main/webapp/index.html}), {@code GET /app/**} and
 * {@code GET /assets/**}: the WAR's static files under {@code src/main/webapp/app} and {@code …/assets}. The root JAX-RS application is mapped to {@code /*} and so would answer these
 * paths itself (with 404), and Payara names no default servlet that {@code web.xml} could map; this
 * servlet's longer mapping wins on every server. {@code /app} redirects to {@code /app/}, a path ending in
 * {@code /} serves its {@code index.html}.
 *
 * <p>Only files of known types whose path segments are plain names are served; anything else is 404.
 * The files never change while the application runs, so each is read once and kept, with an {@code ETag}
 * for conditional requests; {@code Cache-Control: no-cache} makes browsers revalidate, so a new
 * deployment is seen at once. The security headers (the pages' CSP) are set by the
 * {@code PathRoutingHandler} before this servlet runs.
 */
@WebServlet(urlPatterns = {"", "/app/*", "/assets/*"})
public class StaticFiles extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** One or more segments of letters, digits, {@code . _ -}, none starting with a dot. */
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    record File(byte[] bytes, String type, String etag) {
    }

    private final transient Map<String, File> files = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        if (pathInfo == null && (servletPath.isEmpty() || servletPath.equals("/"))) {
            // the context root (the "" mapping): Payara gives path info "/", WildFly none
            servletPath = "";
            pathInfo = "/";
        }
        if (pathInfo == null) {
            // "/app": the directory's own URL ends with a slash, so that the page's relative URLs resolve in it
            String query = request.getQueryString();
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getContextPath() + servletPath + "/" + (query == null ? "" : "?" + query));
            return;
        }
        String path = servletPath + (pathInfo.endsWith("/") ? pathInfo + "index.html" : pathInfo);
        // Only files that exist are kept (load's null is not stored): caching misses would let anyone fill
        // the map with made-up paths.
        File found = files.computeIfAbsent(path, this::load);
        if (found == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", found.etag());
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.contains(found.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(found.type());
        response.setContentLength(found.bytes().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(found.bytes());
        }
    }

    /** The file at {@code path}, or null when it is not one of the files served. */
    private File load(String path) {
        if (!SAFE_PATH.matcher(path).matches()) {
            return null;
        }
        int dot = path.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(path.substring(dot + 1));
        if (type == null) {
            return null;
        }
        try (InputStream in = getServletContext().getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            return new File(bytes, type, "\"" + HexFormat.of().formatHex(Digests.sha256(bytes), 0, 16) + "\"");
        } catch (IOException e) {
            return null;
        }
    }
}
