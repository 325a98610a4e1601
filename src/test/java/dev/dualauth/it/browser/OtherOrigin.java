package dev.dualauth.it.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A web server of the tests' own on another origin than dualauth's (a loopback port reserved per build,
 * system property {@code dualauth.it.other-origin}), serving
 * <ul>
 * <li>{@code /attack.html}: an attacker's page that, with whatever cookies the visitor's browser holds,
 * posts a note to dualauth twice: by a cross-origin {@code fetch} with {@code credentials:'include'}, then
 * by a plain HTML form (its action, field name and encoding given in the query, or any fields, e.g. a
 * login of the attacker's);</li>
 * <li>{@code /app/}: a copy of dualauth's own {@code /app/}, fetched from dualauth, with
 * {@code <meta name="dualauth-server">} naming dualauth's base URL, so that the same script signs in from
 * this origin through the code flow and CORS; with a CSP whose {@code connect-src} allows dualauth.</li>
 * </ul>
 */
public final class OtherOrigin implements AutoCloseable {

    static final URI ORIGIN = URI.create(System.getProperty("dualauth.it.other-origin", "http://127.0.0.1:18290"));

    private static final Pattern SERVER_META = Pattern.compile("<meta\\s+name=\"dualauth-server\"\\s+content=\"[^\"]*\"\\s*/?>");

    private final HttpServer server;
    private final String target;
    private final HttpClient http = HttpClient.newHttpClient();

    private OtherOrigin(String target) throws IOException {
        this.target = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        server = HttpServer.create(new InetSocketAddress(ORIGIN.getHost(), ORIGIN.getPort()), 0);
        server.createContext("/attack.html", this::attackPage);
        server.createContext("/attack.js", this::attackScript);
        server.createContext("/app/", this::appCopy);
        server.createContext("/assets/", this::appCopy);
        server.createContext("/", e -> send(e, 404, "text/plain", "not here", null));
        server.start();
    }

    /** Serves pages that target the dualauth server at {@code target} (its base URL). */
    public static OtherOrigin start(String target) {
        try {
            return new OtherOrigin(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + ORIGIN, e);
        }
    }

    /** This server's origin as configured, e.g. {@code http://127.0.0.1:18290}. */
    public String origin() {
        return ORIGIN.toString().replaceAll("/$", "");
    }

    /** This server under the other loopback name ({@code localhost} for {@code 127.0.0.1}, and back). */
    public String otherSiteOrigin() {
        String other = "127.0.0.1".equals(ORIGIN.getHost()) ? "localhost" : "127.0.0.1";
        return ORIGIN.getScheme() + "://" + other + ":" + ORIGIN.getPort();
    }

    /** dualauth's origin (scheme, host, port), as the copy of {@code /app/} is allowed to connect to. */
    public String targetOrigin() {
        URI uri = URI.create(target);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private void attackPage(HttpExchange exchange) throws IOException {
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>You won a prize</title><script src="/attack.js" defer></script></head>
                <body data-target="%s">
                <h1>Claim your prize</h1>
                <p id="fetch-result">not yet</p>
                </body>
                </html>
                """.formatted(escape(target));
        send(exchange, 200, "text/html;charset=utf-8", html, null);
    }

    private void attackScript(HttpExchange exchange) throws IOException {
        // Query of the page: action (the form's URL), field (the note text's field name), text, and
        // enctype (of the form; "text/plain" makes a JSON-looking body without a preflight); or fields,
        // a JSON object of the form's fields.
        String js = """
                'use strict';
                (async () => {
                  const q = new URLSearchParams(location.search);
                  const target = document.body.dataset.target;
                  const text = q.get('text');
                  const result = document.getElementById('fetch-result');
                  try {
                    await fetch(target + '/web/notes', {
                      method: 'POST', mode: 'no-cors', credentials: 'include',
                      headers: {'Content-Type': 'text/plain'},
                      body: JSON.stringify({text: text})
                    });
                    result.textContent = 'fetch answered';
                  } catch (e) {
                    result.textContent = 'fetch failed';
                  }
                  const form = document.createElement('form');
                  form.method = 'post';
                  form.action = q.get('action');
                  form.enctype = q.get('enctype') || 'application/x-www-form-urlencoded';
                  const add = (name, value) => {
                    const field = document.createElement('input');
                    field.type = 'hidden';
                    field.name = name;
                    field.value = value;
                    form.appendChild(field);
                  };
                  if (q.has('fields')) {
                    for (const [name, value] of Object.entries(JSON.parse(q.get('fields')))) add(name, value);
                  } else if (form.enctype === 'text/plain') {
                    add('{"text":"' + text + '","x":"', '"}');
                  } else {
                    add(q.get('field') || 'text', text);
                    add('_csrf', 'guessed');
                  }
                  document.body.appendChild(form);
                  form.submit();
                })();
                """;
        send(exchange, 200, "text/javascript;charset=utf-8", js, null);
    }

    private void appCopy(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "text/plain", "GET only", null);
            return;
        }
        String path = exchange.getRequestURI().getRawPath();
        HttpResponse<String> original;
        try {
            original = http.send(HttpRequest.newBuilder(URI.create(target + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(exchange, 502, "text/plain", "interrupted", null);
            return;
        }
        String type = original.headers().firstValue("Content-Type").orElse("application/octet-stream");
        String body = original.body();
        if (original.statusCode() == 200 && type.startsWith("text/html")) {
            Matcher meta = SERVER_META.matcher(body);
            if (!meta.find()) {
                send(exchange, 500, "text/plain", "no <meta name=\"dualauth-server\"> in " + path, null);
                return;
            }
            body = meta.replaceFirst(Matcher.quoteReplacement(
                    "<meta name=\"dualauth-server\" content=\"" + escape(target) + "\">"));
        }
        String csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self' "
                + targetOrigin() + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        send(exchange, original.statusCode(), type, body, csp);
    }

    private static void send(HttpExchange exchange, int status, String type, String body, String csp) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (csp != null) {
            exchange.getResponseHeaders().set("Content-Security-Policy", csp);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
