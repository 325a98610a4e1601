package dev.dualauth.token.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A registered OAuth client. Only public clients (RFC 6749 §2.1: no secret; PKCE protects their codes)
 * exist: the browser application and native apps. Redirect URIs match exactly, character for character
 * (RFC 9700 §4.1.3, ASVS 5.0 10.4.1), so each one is written out in full.
 */
public record OAuthClient(String id, List<String> redirectUris) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    public OAuthClient {
        redirectUris = List.copyOf(redirectUris);
    }

    /** True if {@code redirectUri} is one of this client's, exactly. */
    public boolean allows(String redirectUri) {
        return redirectUris.contains(redirectUri);
    }

    /** Checks what a configuration names; the message names the setting. */
    static OAuthClient checked(String key, String id, List<String> redirectUris) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(key + ": a client id is 1 to 100 of A-Z a-z 0-9 . _ -, not " + id);
        }
        if (redirectUris.isEmpty()) {
            throw new IllegalArgumentException(key + " must list at least one redirect URI of client " + id);
        }
        redirectUris.forEach(uri -> checkRedirectUri(key, uri));
        return new OAuthClient(id, redirectUris);
    }

    static boolean isAcceptableRedirectUri(String value) {
        try {
            checkRedirectUri("", value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Absolute, no fragment, at most 500 characters; plain http only on the loopback interface (RFC 8252 §7.3). */
    private static void checkRedirectUri(String key, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + ": not a URI: " + value, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        boolean loopbackHttp = scheme.equals("http") && uri.getHost() != null
                && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!(https || loopbackHttp) || uri.getRawFragment() != null || value.length() > 500) {
            throw new IllegalArgumentException(key + ": a redirect URI is an https URL (http only for localhost, "
                    + "127.0.0.1 or [::1]) without a fragment, of at most 500 characters, not " + value);
        }
    }
}
