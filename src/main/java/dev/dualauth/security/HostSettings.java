package dev.dualauth.security;

import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * {@code dualauth.http.allowed-hosts}: the {@code Host} header values this server answers to. The
 * container builds the absolute URLs it prints — the login redirect, the redirect back to the page that
 * asked for the login, {@code Location} headers — from that header, which any client can set; a request
 * naming another host is refused ({@code 400}) before anything runs, so every such URL names a host
 * configured here. Always allowed: the issuer's host (the public URL), and the loopback names on any
 * port ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}: a URL naming them points nobody elsewhere,
 * and the default listener is on loopback). A request without a {@code Host} header (HTTP/1.0) is let
 * through: the container then uses its own address. {@code X-Forwarded-Host} is never read.
 */
public record HostSettings(Set<String> allowedHosts) {

    public static final String ALLOWED_HOSTS = "dualauth.http.allowed-hosts";

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    public HostSettings {
        allowedHosts = Set.copyOf(allowedHosts);
    }

    /** The configured hosts and the issuer's: each {@code host} or {@code host:port} as a client sends it. */
    public static HostSettings from(Config config, String issuer) {
        Set<String> hosts = new HashSet<>();
        URI uri = URI.create(issuer);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean defaultPort = uri.getPort() == -1 || uri.getPort() == ("https".equals(uri.getScheme()) ? 443 : 80);
        hosts.add(defaultPort ? host : host + ":" + uri.getPort()); // as browsers send it: no default port
        for (String entry : ConfigValues.list(config.getOptionalValue(ALLOWED_HOSTS, String.class).orElse(null))) {
            if (!entry.matches("[a-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9a-f:.]+\\](:[0-9]{1,5})?")) {
                throw new IllegalArgumentException(ALLOWED_HOSTS + ": each entry is host or host:port in lower case, "
                        + "as a client sends it in the Host header, not " + entry);
            }
            hosts.add(entry);
        }
        return new HostSettings(hosts);
    }

    /** True for a Host header this server answers to (null: none sent). */
    public boolean allows(String hostHeader) {
        if (hostHeader == null) {
            return true;
        }
        if (allowedHosts.contains(hostHeader)) {
            return true;
        }
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (allowedHosts.contains(host)) {
            return true;
        }
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.indexOf(':') >= 0 ? host.substring(0, host.indexOf(':')) : host;
        return LOOPBACK.contains(name) && isPortOrNothing(host.substring(name.length()));
    }

    /** "" or ":" and one to five digits; by hand, as this runs on every request (a regex cost 0.9 % of it). */
    private static boolean isPortOrNothing(String rest) {
        if (rest.isEmpty()) {
            return true;
        }
        if (rest.length() < 2 || rest.length() > 6 || rest.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < rest.length(); i++) {
            if (rest.charAt(i) < '0' || rest.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
