package dev.dualauth.it.browser;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * What went over the wire, as Chromium itself reports it in its performance log ({@code Network.*} events
 * of the DevTools protocol): the page under test is neither changed nor instrumented. Requests (with the
 * headers scripts set and the headers actually sent, cookies included), their answers' statuses, and on
 * demand an answer's body. Values read here are secrets of the test: never print them.
 */
public final class NetworkLog {

    /** A request as the page made it, joined with what Chromium finally sent and the answer's status. */
    public static final class Exchange {
        public final String id;
        public final String url;
        public final String method;
        /** Headers the page set (e.g. {@code Authorization} by a script), names lower-cased. */
        public final Map<String, String> headers = new LinkedHashMap<>();
        /** Headers actually sent, with {@code cookie}, names lower-cased (empty until reported). */
        public final Map<String, String> sentHeaders = new LinkedHashMap<>();
        /** Headers of the answer as received, {@code set-cookie} included, names lower-cased. */
        public final Map<String, String> receivedHeaders = new LinkedHashMap<>();
        public final String body;
        public int status;

        Exchange(String id, String url, String method, String body) {
            this.id = id;
            this.url = url;
            this.method = method;
            this.body = body;
        }

        public String path() {
            int start = url.indexOf('/', url.indexOf("//") + 2);
            int query = url.indexOf('?');
            return start < 0 ? "/" : query < 0 ? url.substring(start) : url.substring(start, query);
        }

        /** A field of an {@code application/x-www-form-urlencoded} body, or null. */
        public String formField(String name) {
            if (body == null) {
                return null;
            }
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        /** The bearer token the request carried, or null. */
        public String bearer() {
            String authorization = headers.getOrDefault("authorization", sentHeaders.get("authorization"));
            return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        }

        /** Whether the answer set (or cleared) a cookie of that name. */
        public boolean setCookie(String name) {
            String set = receivedHeaders.get("set-cookie");
            if (set == null) {
                return false;
            }
            for (String line : set.split("\n")) {
                if (line.strip().startsWith(name + "=")) {
                    return true;
                }
            }
            return false;
        }

        /** Whether Chromium sent a cookie of that name with the request. */
        public boolean sentCookie(String name) {
            String cookie = sentHeaders.get("cookie");
            if (cookie == null) {
                return false;
            }
            for (String pair : cookie.split(";")) {
                if (pair.strip().startsWith(name + "=")) {
                    return true;
                }
            }
            return false;
        }
    }

    private final ChromeDriver driver;
    private final Map<String, Exchange> exchanges = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> extraHeaders = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> extraResponseHeaders = new LinkedHashMap<>();

    NetworkLog(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Forgets what was logged so far. */
    public void clear() {
        drain();
        exchanges.clear();
        extraHeaders.clear();
        extraResponseHeaders.clear();
    }

    /** Every request so far, in order (CORS preflights included, as {@code OPTIONS}). */
    public List<Exchange> exchanges() {
        drain();
        return List.copyOf(exchanges.values());
    }

    public List<Exchange> to(String method, String path) {
        return exchanges().stream().filter(e -> e.method.equals(method) && e.path().equals(path)).toList();
    }

    /** The distinct bearer tokens that requests carried, in order. */
    public Set<String> bearerTokens() {
        Set<String> tokens = new LinkedHashSet<>();
        exchanges().stream().map(Exchange::bearer).filter(Objects::nonNull).forEach(tokens::add);
        return tokens;
    }

    /**
     * The body of an answer, if Chromium still holds it ({@code Network.getResponseBody}, asked through
     * chromedriver for the current page).
     */
    public Optional<String> responseBody(Exchange exchange) {
        try {
            Map<String, Object> result = driver.executeCdpCommand("Network.getResponseBody", Map.of("requestId", exchange.id));
            String body = (String) result.get("body");
            if (Boolean.TRUE.equals(result.get("base64Encoded"))) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            return Optional.ofNullable(body);
        } catch (WebDriverException e) {
            return Optional.empty();
        }
    }

    /** A JSON body's top-level string member, if the answer's body is still held and has it. */
    public Optional<String> responseField(Exchange exchange, String member) {
        return responseBody(exchange).flatMap(body -> {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                JsonValue value = reader.read();
                if (value instanceof JsonObject object && object.get(member) instanceof JsonString s) {
                    return Optional.of(s.getString());
                }
            } catch (RuntimeException e) {
                // not JSON
            }
            return Optional.empty();
        });
    }

    private void drain() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonObject message;
            try (JsonReader reader = Json.createReader(new StringReader(entry.getMessage()))) {
                message = reader.readObject().getJsonObject("message");
            }
            if (message == null || !message.containsKey("params")) {
                continue;
            }
            JsonObject params = message.getJsonObject("params");
            switch (message.getString("method", "")) {
                case "Network.requestWillBeSent" -> requestWillBeSent(params);
                case "Network.requestWillBeSentExtraInfo" -> {
                    Map<String, String> sent = lowerCased(params.getJsonObject("headers"));
                    String id = params.getString("requestId");
                    Exchange known = exchanges.get(id);
                    if (known != null) {
                        known.sentHeaders.putAll(sent);
                    } else {
                        extraHeaders.put(id, sent);
                    }
                }
                case "Network.responseReceivedExtraInfo" -> {
                    Map<String, String> received = lowerCased(params.getJsonObject("headers"));
                    String id = params.getString("requestId");
                    Exchange known = exchanges.get(id);
                    if (known != null && known.status == 0) {
                        known.receivedHeaders.putAll(received);
                    } else {
                        extraResponseHeaders.put(id, received); // may come before the response itself
                    }
                }
                case "Network.responseReceived" -> {
                    Exchange known = exchanges.get(params.getString("requestId"));
                    if (known != null) {
                        known.status = params.getJsonObject("response").getInt("status");
                        Map<String, String> received = extraResponseHeaders.remove(known.id);
                        if (received != null) {
                            known.receivedHeaders.putAll(received);
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    private void requestWillBeSent(JsonObject params) {
        String id = params.getString("requestId");
        JsonObject request = params.getJsonObject("request");
        if (params.containsKey("redirectResponse") && exchanges.containsKey(id)) {
            // a redirect reuses the id: keep the redirected request under its own key
            Exchange previous = exchanges.remove(id);
            previous.status = params.getJsonObject("redirectResponse").getInt("status");
            Map<String, String> received = extraResponseHeaders.remove(id);
            if (received != null) {
                previous.receivedHeaders.putAll(received);
            }
            exchanges.put(id + "#" + exchanges.size(), previous);
        }
        Exchange exchange = new Exchange(id, request.getString("url"), request.getString("method"), body(request));
        exchange.headers.putAll(lowerCased(request.getJsonObject("headers")));
        Map<String, String> sent = extraHeaders.remove(id);
        if (sent != null) {
            exchange.sentHeaders.putAll(sent);
        }
        exchanges.put(id, exchange);
    }

    private static String body(JsonObject request) {
        if (request.containsKey("postData")) {
            return request.getString("postData");
        }
        if (request.containsKey("postDataEntries")) {
            StringBuilder body = new StringBuilder();
            for (JsonValue part : request.getJsonArray("postDataEntries")) {
                String bytes = part.asJsonObject().getString("bytes", "");
                body.append(new String(Base64.getDecoder().decode(bytes), StandardCharsets.UTF_8));
            }
            return body.toString();
        }
        return null;
    }

    private static Map<String, String> lowerCased(JsonObject headers) {
        Map<String, String> result = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> result.put(name.toLowerCase(java.util.Locale.ROOT),
                    value instanceof JsonString s ? s.getString() : value.toString()));
        }
        return result;
    }
}
