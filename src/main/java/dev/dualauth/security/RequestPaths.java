package dev.dualauth.security;

import jakarta.servlet.http.HttpServletRequest;

/** The request's path inside the application, decoded and normalised by the container. */
public final class RequestPaths {

    private RequestPaths() {
    }

    /** Servlet path plus path info: {@code /api/me}, {@code /j_security_check}, … (never the raw URI). */
    public static String path(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
    }

    /** True for {@code prefix} itself and anything below it, e.g. {@code /api} and {@code /api/me}. */
    public static boolean isUnder(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
