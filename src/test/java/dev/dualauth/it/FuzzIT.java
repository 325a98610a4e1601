package dev.dualauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Malformed and unexpected requests to every endpoint class — public, session, token, OAuth, admin and
 * static — with random methods, paths, encodings, headers, credentials and bodies of every size the
 * server takes: none may answer 5xx or a stack trace, and none may change anything (the notes, the
 * accounts, the sessions and tokens already issued). Requests are written on a plain socket, so that
 * they can be malformed in ways an HTTP client library would refuse to send. The random seed is printed
 * and can be given again with {@code -Ddualauth.fuzz.seed=…} to replay a run ({@code -Ddualauth.fuzz.requests=…}
 * for a longer one).
 */
class FuzzIT extends ServerIT {

    static final long SEED = Long.getLong("dualauth.fuzz.seed", System.nanoTime());
    static final int REQUESTS = Integer.getInteger("dualauth.fuzz.requests", 2_000);

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.packagedWar();
    }

    /** Endpoint paths of every class; {@code {id}} and {@code {name}} are filled at random. */
    static final List<String> PATHS = List.of(
            "/", "/ping", "/login", "/login-error",
            "/.well-known/oauth-authorization-server", "/.well-known/jwks.json",
            "/auth/authorize", "/auth/token", "/auth/revoke",
            "/app/", "/app/app.js", "/assets/style.css",
            "/web", "/web/", "/web/me", "/web/csrf", "/web/notes", "/web/notes/{id}", "/web/me/password",
            "/web/forms/notes", "/web/forms/notes/{id}/delete", "/web/forms/password",
            "/web/admin/accounts", "/web/admin/accounts/{name}", "/web/admin/accounts/{name}/disable",
            "/api/me", "/api/notes", "/api/notes/{id}", "/api/me/password",
            "/api/admin/accounts", "/api/admin/accounts/{name}", "/api/admin/accounts/{name}/enable",
            "/api/admin/token-rejections");

    /**
     * Endpoints that act whatever the body says, fuzzed without credentials only: the logouts, and the login
     * POST (which gives the session it is sent in a new id before it reads the credentials).
     */
    static final List<String> NO_CREDENTIALS = List.of("/j_security_check", "/web/logout", "/api/logout", "/web/me/logout-all",
            "/api/me/logout-all", "/web/admin/accounts/{name}/logout", "/api/admin/accounts/{name}/logout");

    static final List<String> METHODS = List.of("GET", "POST", "POST", "POST", "PUT", "DELETE", "PATCH", "OPTIONS",
            "HEAD", "PROPFIND", "TRACE");

    static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-16",
            "application/json; charset=bogus", "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=nope", "multipart/form-data", "text/plain", "*/*",
            "application/xml", "", "application/json, text/plain", ";;;", "application/jwt");

    String host;
    int port;

    @org.junit.jupiter.api.BeforeEach
    void target() {
        host = client.base().replaceFirst("https?://", "").replaceFirst(":.*", "");
        port = Integer.parseInt(client.base().replaceFirst(".*:", "").replaceFirst("/.*", ""));
    }

    @Test
    void noMalformedRequestGetsA5xxOrAStackTraceOrChangesAnything() throws IOException {
        System.out.println("FuzzIT seed: " + SEED + " (-Ddualauth.fuzz.seed=" + SEED + " replays it)");
        Random random = new Random(SEED);

        String password = "fuzz-" + UUID.randomUUID();
        String name = client.newUser(password);
        String session = client.sessionOf(name, password);
        String csrf = client.csrf(session);
        Client.Tokens tokens = client.login(name, password);
        String admin = client.token(Personas.ADMIN);
        client.bearer(tokens.access()).contentType("application/json").body("{\"text\":\"before the fuzz\"}")
                .post("/api/notes").then().statusCode(201);
        Map<String, String> before = snapshot(session, tokens, admin);

        Map<String, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Fuzzed request = fuzzed(random, session, csrf, tokens.access(), admin);
            String answer = send(request.bytes());
            int status = status(answer);
            statuses.merge(status / 100 + "xx", 1, Integer::sum);
            // 501 is what RFC 9110 (15.6.2) asks for a method the server does not know at all
            boolean unknownMethod = status == 501 && !STANDARD_METHODS.contains(request.method());
            if ((status >= 500 && !unknownMethod) || status < 100 || leaks(answer)) {
                failures.add(request.summary() + " -> " + (status < 100 ? "no HTTP answer" : status) + " "
                        + answer.substring(0, Math.min(answer.length(), 300)).replace("\r\n", " | "));
            }
        }
        System.out.println("FuzzIT answers: " + statuses);
        failures.forEach(f -> System.out.println("FuzzIT bad answer: " + f));
        assertEquals(List.of(), failures.subList(0, Math.min(failures.size(), 20)),
                failures.size() + " bad answers (seed " + SEED + ")");
        assertEquals(before, snapshot(session, tokens, admin), "nothing changed (seed " + SEED + ")");
        assertTrue(statuses.getOrDefault("2xx", 0) > 0 && statuses.getOrDefault("4xx", 0) > REQUESTS / 4,
                "the requests reached the endpoints: " + statuses);
    }

    /** What earlier runs found (each was a 500), kept as fixed cases. */
    @Test
    void theRequestsEarlierRunsFoundAreClientErrors() throws IOException {
        String token = client.token(Personas.ALICE);
        String session = client.sessionOf(Personas.ALICE);
        String csrf = client.csrf(session);
        client.bearer(token).contentType("application/json").body("").post("/api/notes").then().statusCode(400);
        client.bearer(token).contentType("application/json").body("[".repeat(3_000) + "]".repeat(3_000)).post("/api/notes")
                .then().statusCode(400);
        client.bearer(token).contentType("application/json; charset=utf-16").body("{}").post("/api/me/password")
                .then().statusCode(415);
        // without a Content-Type, which REST-assured would add: on a plain socket
        String cookies = "Cookie: " + Client.cookieHeader(session) + "\r\n" + Client.CSRF_HEADER + ": " + csrf + "\r\n";
        for (String type : new String[] {"", "Content-Type: */*\r\n", "Content-Type: application/*\r\n"}) {
            String answer = raw("POST", "/web/forms/password", cookies + type, "current=a&new=b");
            assertEquals(415, status(answer), answer);
        }
        for (String path : new String[] {"/auth/token", "/auth/revoke"}) { // a charset REST-assured cannot send
            String refused = raw("POST", path, "Content-Type: application/x-www-form-urlencoded; charset=nope\r\n", "token=x");
            assertEquals(415, status(refused), refused);
        }
        // Jersey decodes the raw query of a form post again, strictly, before any resource or mapper runs
        for (String path : new String[] {"/API/ADMIN/ACCOUNTS/%2E", "/api/me", "/auth/token", "/web/notes", "/nowhere", "/"}) {
            for (String query : new String[] {"?a=%ZZ", "?a=%", "?a=%4"}) {
                String form = raw("POST", path + query, "Content-Type: application/x-www-form-urlencoded\r\n", "a=b");
                assertEquals(400, status(form), form);
                assertFalse(leaks(form), form);
                String page = raw("GET", path + query, "", "");
                assertEquals(400, status(page), page);
            }
        }
        assertEquals(200, status(raw("GET", "/ping?a=%C3%A9%2f", "", "")));
        // PostgreSQL cannot hold U+0000: a name with it must not reach the database (a 500 on WildFly)
        String admin = "Authorization: Bearer " + client.token(Personas.ADMIN) + "\r\n";
        String enable = raw("POST", "/api/admin/accounts/%00/enable", admin + "Content-Type: application/x-www-form-urlencoded\r\n", "x");
        assertTrue(status(enable) == 404 || status(enable) == 400, enable);
    }

    @Test
    void aBodyOfUnknownLengthIsRefusedAndNoBodyNeedsNoLength() throws IOException {
        String chunked = send(("POST /auth/token HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "e\r\ngrant_type=abc\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(411, status(chunked), chunked);
        // a GET naming a Content-Type but carrying nothing, as some clients send it
        client.bearer(client.token(Personas.ALICE)).contentType("application/json").get("/api/me")
                .then().statusCode(200);
    }

    /** What the fuzz must not change, as text to compare. */
    private Map<String, String> snapshot(String session, Client.Tokens tokens, String admin) {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("api notes", client.bearer(tokens.access()).get("/api/notes").then().statusCode(200).extract().asString());
        state.put("web notes", client.session(session).get("/web/notes").then().statusCode(200).extract().asString());
        state.put("web me", client.session(session).get("/web/me").then().statusCode(200).extract().path("name"));
        state.put("accounts", client.bearer(admin).get("/api/admin/accounts").then().statusCode(200).extract().asString());
        state.put("api me", client.bearer(tokens.access()).get("/api/me").then().statusCode(200).extract().path("name"));
        return state;
    }

    static final List<String> STANDARD_METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS",
            "TRACE", "PATCH");

    record Fuzzed(String method, String summary, byte[] bytes) {
    }

    private Fuzzed fuzzed(Random random, String session, String csrf, String token, String admin) {
        boolean actsRegardless = random.nextInt(10) == 0;
        String template = actsRegardless ? pick(random, NO_CREDENTIALS) : pick(random, PATHS);
        String method = pick(random, METHODS);
        String path = mangle(random, template.replace("{id}", id(random)).replace("{name}", name(random)));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", random.nextInt(20) == 0 ? pick(random, List.of("", "evil.example", host + ":x", "[::1", host + ":" + port + "@evil"))
                : host + ":" + port);
        String credentials = actsRegardless ? "none" : pick(random, List.of("none", "session", "bearer", "admin", "garbage"));
        switch (credentials) {
            case "session" -> {
                headers.put("Cookie", Client.cookieHeader(session));
                if (random.nextBoolean()) {
                    headers.put("X-CSRF-Token", csrf);
                }
            }
            case "bearer" -> headers.put("Authorization", "Bearer " + token);
            case "admin" -> headers.put("Authorization", "Bearer " + admin);
            case "garbage" -> headers.put(random.nextBoolean() ? "Authorization" : "Cookie", garbageCredential(random));
            default -> { }
        }
        if (random.nextInt(4) == 0) {
            headers.put("Origin", pick(random, List.of("null", "https://evil.example", "http://" + host + ":" + port, "%%%")));
        }
        if (random.nextInt(4) == 0) {
            headers.put("Sec-Fetch-Site", pick(random, List.of("cross-site", "same-site", "same-origin", "none", "???")));
        }
        if (random.nextInt(3) == 0) {
            headers.put("Accept", pick(random, List.of("text/html", "application/json", "*/*", "image/png", "text/html;q=x", "")));
        }
        if (random.nextInt(8) == 0) {
            headers.put("DPoP", randomText(random, 1 + random.nextInt(200)));
        }
        if (random.nextInt(8) == 0) {
            headers.put("Access-Control-Request-Method", pick(random, List.of("POST", "DELETE", "X")));
            headers.put("Access-Control-Request-Headers", pick(random, List.of("authorization", "x-csrf-token, dpop", ",,,")));
        }
        byte[] body = "GET".equals(method) && random.nextBoolean() ? new byte[0] : body(random);
        if (body.length > 0 || random.nextBoolean()) {
            headers.put("Content-Type", pick(random, CONTENT_TYPES));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        String summary = method + " " + (path.length() > 120 ? path.substring(0, 120) + "…" : path)
                + " [" + credentials + (headers.containsKey("Content-Type") ? ", " + headers.get("Content-Type") : "")
                + ", " + body.length + " bytes: " + preview(body) + "]";
        return new Fuzzed(method, summary, out.toByteArray());
    }

    /** The path, sometimes with odd segments, encodings, parameters or a query. */
    private String mangle(Random random, String path) {
        String result = path;
        switch (random.nextInt(12)) {
            case 0 -> result += "/" + pick(random, List.of("..", "%2e%2e", "%2F", "%00", "%ZZ", "%", ";a=b", "é", "%C3%A9",
                    "%E2%80%AE", "%ff%fe", "~", "*", "..;", ".json"));
            case 1 -> result = result.replaceFirst("/", "//");
            case 2 -> result += ";jsessionid=" + UUID.randomUUID();
            case 3 -> result += "?" + query(random);
            case 4 -> result += "/" + "a".repeat(1 + random.nextInt(6_000));
            case 5 -> result = result.toUpperCase();
            default -> { }
        }
        if (random.nextInt(6) == 0) {
            result += (result.contains("?") ? "&" : "?") + query(random);
        }
        return result;
    }

    private String query(Random random) {
        return pick(random, List.of("a=b", "a", "=", "&&&", "a=%ZZ", "_csrf=x", "j_username=x&j_password=y",
                "response_type=code&client_id=dualauth-spa&redirect_uri=http%3A%2F%2Fevil.example&code_challenge=x",
                "client_id=" + "x".repeat(3_000), "state=%00", "a=%C3%28", "a[]=1&a[]=2", "grant_type=password"));
    }

    private byte[] body(Random random) {
        String text = switch (random.nextInt(16)) {
            case 0 -> "";
            case 1 -> "[]";
            case 2 -> "[{\"text\":\"x\"}]";
            case 3 -> "{\"text\":" + pick(random, List.of("1", "true", "null", "[\"x\"]", "{}", "1e999999", "-0")) + "}";
            case 4 -> "{".repeat(1 + random.nextInt(5_000));
            case 5 -> "[".repeat(2_000) + "]".repeat(2_000);
            case 6 -> "{\"current\":" + random.nextInt() + ",\"new\":[]}";
            case 7 -> "noequalsign";
            case 8 -> "a=%ZZ&b=%&c=%C3%28&=&&";
            case 9 -> "grant_type=" + pick(random, List.of("password", "refresh_token", "authorization_code", "client_credentials", "", "%00"))
                    + "&grant_type=x&code=" + randomText(random, 10) + "&code_verifier=" + randomText(random, 5)
                    + "&refresh_token=" + randomText(random, 43) + "&token=" + randomText(random, 20);
            case 10 -> "x".repeat(60_000 + random.nextInt(20_000));
            case 11 -> "_csrf=" + randomText(random, 43) + "&current=" + randomText(random, 3);
            case 12 -> "{\"name\":" + pick(random, List.of("1", "\"" + "é".repeat(100) + "\"", "\"\"", "null"))
                    + ",\"password\":[],\"roles\":\"admin\"}";
            case 13 -> "\"just a string\"";
            case 14 -> null;
            default -> randomText(random, random.nextInt(500));
        };
        if (text != null) {
            return text.getBytes(random.nextInt(5) == 0 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[random.nextInt(2_000)];
        random.nextBytes(bytes);
        return bytes;
    }

    private String garbageCredential(Random random) {
        return pick(random, List.of("Bearer", "Bearer ", "Bearer a.b.c", "Bearer " + "x".repeat(9_000), "Basic YWxpY2U6eA==",
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9.", "DPoP abc", "bearer  a..b", "Bearer \u00e9",
                Client.SESSION_COOKIE + "=" + "A".repeat(4_000), Client.SESSION_COOKIE + "=x; " + Client.SESSION_COOKIE + "=y",
                // ASCII only: WildFly's Undertow meets a non-ASCII byte in a cookie with a 500 before any
                // application code runs (docs/deployment.md)
                Client.BINDING_COOKIE + "=" + randomText(random, 43).replace('é', 'e'), "=;=;;", Client.SESSION_COOKIE + "=\"quoted\""));
    }

    private static String id(Random random) {
        return pick(random, List.of(UUID.randomUUID().toString(), "1", "-1", "99999999999999999999", "x", "%20", "null"));
    }

    private static String name(Random random) {
        return pick(random, List.of("nobody-" + random.nextInt(1000), "ALICE-x", "%2e", "a".repeat(300), "%00"));
    }

    private static String randomText(Random random, int length) {
        String chars = "abcXYZ019-_.~%&=+/?#[]{}\"'<>\\ \t:;,@!$()*é";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(chars.charAt(random.nextInt(chars.length())));
        }
        return text.toString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 40), StandardCharsets.ISO_8859_1);
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** A request with these header lines (each ending in CRLF) and body, as written on the socket. */
    private String raw(String method, String path, String headerLines, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send((method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + headerLines
                + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the request on a new connection and reads the answer until the server closes it. */
    private String send(byte[] request) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException refusedMidway) {
                // the server may answer (e.g. 413) and close before reading all of a large body
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; answer.size() < 1_000_000 && (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // what arrived is judged below
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static int status(String answer) {
        if (!answer.startsWith("HTTP/1.")) {
            return 0;
        }
        try {
            return Integer.parseInt(answer.substring(9, 12));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** A stack trace, an exception's name, or the server's product name and version in the answer. */
    private static boolean leaks(String answer) {
        return answer.contains("Exception") || answer.contains("\tat ") || answer.contains("at dev.dualauth")
                || answer.matches("(?s).*(Payara|GlassFish|WildFly|Undertow|RESTEasy|Jersey)[ /]?[0-9].*");
    }
}
