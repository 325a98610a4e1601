package dev.dualauth.security;

import java.util.Enumeration;

/**
 * The quality values of {@code Accept} ({@code q=}), which the JAX-RS runtimes parse before any resource
 * runs: RESTEasy meets one that is not a number (say {@code text/html;q=x}) with an exception that came
 * out as a {@code 500}. The router refuses such a header with {@code 400} first. Only the {@code q}
 * parameters are checked, against the grammar of RFC 9110 (12.4.2): {@code 0} to {@code 1} with at most
 * three decimals.
 */
public final class AcceptHeader {

    private AcceptHeader() {
    }

    /** True if every {@code q} parameter of every {@code Accept} header is a valid quality value. */
    public static boolean validQualities(Enumeration<String> headers) {
        while (headers != null && headers.hasMoreElements()) {
            String header = headers.nextElement();
            if (header.indexOf('=') >= 0 && !validQualities(header)) {
                return false;
            }
        }
        return true;
    }

    static boolean validQualities(String header) {
        for (String range : header.split(",")) {
            String[] parameters = range.split(";");
            for (int i = 1; i < parameters.length; i++) {
                String parameter = parameters[i].strip();
                if ((parameter.startsWith("q=") || parameter.startsWith("Q=")) && !isQuality(parameter.substring(2).strip())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code 0[.ddd]} or {@code 1[.000]}. */
    static boolean isQuality(String value) {
        if (value.isEmpty() || value.length() > 5 || (value.charAt(0) != '0' && value.charAt(0) != '1')) {
            return false;
        }
        if (value.length() == 1) {
            return true;
        }
        if (value.charAt(1) != '.') {
            return false;
        }
        for (int i = 2; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9' || (value.charAt(0) == '1' && c != '0')) {
                return false;
            }
        }
        return true;
    }
}
