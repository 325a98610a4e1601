package dev.dualauth.security;

/**
 * The percent-encoding of a request's query string (RFC 3986, 2.1): every {@code %} starts a
 * {@code %XX} escape of two hexadecimal digits. The containers read a bad escape leniently (Grizzly drops
 * the parameter and logs it), but Jersey decodes the raw query string again for every form post, before
 * any resource or exception mapper runs, and a query such as {@code ?a=%ZZ} came out as a {@code 500}. The
 * router refuses such a URL with {@code 400} first, on every path.
 */
public final class QueryStrings {

    private QueryStrings() {
    }

    /** True for a missing or empty query string and for one whose every {@code %} starts a valid escape. */
    public static boolean wellFormed(String query) {
        if (query == null) {
            return true;
        }
        for (int i = query.indexOf('%'); i >= 0; i = query.indexOf('%', i + 3)) {
            if (i + 2 >= query.length() || !isHex(query.charAt(i + 1)) || !isHex(query.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
