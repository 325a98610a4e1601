package dev.dualauth.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time from a revocation answered by one node to its enforcement by another (run by bench/cluster,
 * not a test): for each of N access tokens — made by refresh grants, so no password hashing — the token is
 * used twice on node B (so B has verified and cached it), revoked at node A ({@code POST /auth/revoke}),
 * then sent to B every 2 ms until B answers 401. Prints p50, p99 and the maximum in milliseconds.
 *
 * <pre>java bench/src/dev/dualauth/bench/RevocationPropagation.java http://127.0.0.1:28081 http://127.0.0.1:28082 200</pre>
 */
public final class RevocationPropagation {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern FIELD = Pattern.compile("\"(access_token|refresh_token)\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String a = args[0];
        String b = args[1];
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        String[] pair = grant(a, "grant_type=password&username=alice&password=alice-demo-password");
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pair = grant(a, "grant_type=refresh_token&refresh_token=" + pair[1]);
            String token = pair[0];
            for (int use = 0; use < 2; use++) {
                expect(200, me(b, token), "a fresh token on node B");
            }
            expect(200, post(a, "/auth/revoke", "token=" + token).statusCode(), "revocation at node A");
            long revoked = System.nanoTime();
            while (me(b, token) != 401) {
                if (System.nanoTime() - revoked > Duration.ofSeconds(10).toNanos()) {
                    throw new IllegalStateException("node B still accepts a token revoked 10 s ago");
                }
                Thread.sleep(2);
            }
            millis.add((System.nanoTime() - revoked) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("revocation at node A to refusal at node B, %d tokens (each cached on B first):%n", n);
        System.out.printf("  p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", percentile(millis, 50), percentile(millis, 99),
                millis.get(millis.size() - 1));
    }

    static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    static String[] grant(String base, String form) throws Exception {
        HttpResponse<String> response = post(base, "/auth/token", form);
        expect(200, response.statusCode(), "token grant");
        String[] pair = new String[2];
        Matcher m = FIELD.matcher(response.body());
        while (m.find()) {
            pair[m.group(1).equals("access_token") ? 0 : 1] = m.group(2);
        }
        return pair;
    }

    static int me(String base, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static HttpResponse<String> post(String base, String path, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void expect(int status, int actual, String what) {
        if (status != actual) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + actual);
        }
    }
}
