package dev.dualauth.it.cluster;

import static dev.dualauth.it.cluster.Cluster.balancer;
import static dev.dualauth.it.cluster.Cluster.node;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualauth.security.Digests;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract's "Scale-out" section, on a real cluster: two Payara Micro nodes on one data grid, one
 * PostgreSQL database, HAProxy in front, started by the cluster command's own script ({@link Cluster}).
 * Requests go to one node or the other directly, or through the balancer. The last tests kill a node
 * and start it again, so the order is fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    @RegisterExtension
    static Cluster cluster = new Cluster();

    static final String PASSWORD = "cluster-password-1234";
    /** The contract: every node enforces a revocation made on another from its next request, at most 1 s later. */
    static final Duration PROPAGATION = Duration.ofSeconds(1);

    // --- sessions -------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void aSessionMadeOnNode1WorksOnNode2WithItsRolesCsrfTokenAndNotes() {
        Visitor admin = new Visitor().logIn(node(1), "admin", "admin-demo-password");
        String csrf = admin.csrf(node(1));

        admin.get(node(2), "/web/me").then().statusCode(200)
                .body("name", equalTo("admin")).body("roles", contains("user", "admin")).body("via", equalTo("session"));
        admin.get(node(2), "/web/admin/accounts").then().statusCode(200).body("name", hasItem("alice"));
        assertEquals(csrf, admin.csrf(node(2)), "the CSRF token lives in the session");

        String text = "written on node 2 " + UUID.randomUUID();
        String id = admin.keep(admin.unsafe(node(2), csrf).contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\"}").post("/web/notes"))
                .then().statusCode(201).extract().path("id");
        admin.get(node(1), "/web/notes").then().statusCode(200).body("text", hasItem(text));
        admin.keep(admin.unsafe(node(1), csrf).delete("/web/notes/" + id)).then().statusCode(204);
        admin.keep(admin.at(node(2)).header("X-CSRF-Token", "wrong").delete("/web/notes/" + id)).then().statusCode(403);
        admin.get(node(2), "/web/me").then().statusCode(200)
                .body("session.expiresAt", equalTo(admin.get(node(1), "/web/me").path("session.expiresAt")));
    }

    // --- tokens ---------------------------------------------------------------------------------------

    @Test
    @Order(2)
    void aTokenFromNode1IsVerifiedOnNode2AndItsFamilyRotatesThereAndReuseOnNode1EndsItOnBoth() {
        String user = newUser();
        Response granted = Visitor.passwordGrant(node(1), user, PASSWORD);
        granted.then().statusCode(200);
        String access1 = granted.path("access_token");
        String refresh1 = granted.path("refresh_token");
        Visitor.bearer(node(2), access1).get("/api/me").then().statusCode(200).body("name", equalTo(user));

        Response rotated = Visitor.refreshGrant(node(2), refresh1);
        rotated.then().statusCode(200);
        String access2 = rotated.path("access_token");
        String refresh2 = rotated.path("refresh_token");
        Visitor.bearer(node(1), access2).get("/api/me").then().statusCode(200);

        Visitor.refreshGrant(node(1), refresh1).then().statusCode(400).body("error", equalTo("invalid_grant"));
        for (int n : new int[] {1, 2}) {
            for (String token : List.of(access1, access2)) {
                refusedWithin(PROPAGATION, node(n), token);
            }
            Visitor.refreshGrant(node(n), refresh2).then().statusCode(400).body("error", equalTo("invalid_grant"));
        }
    }

    @Test
    @Order(3)
    void aRevocationOnNode1IsEnforcedOnNode2WithinASecondAlsoForATokenNode2HasCached() {
        String token = Visitor.passwordGrant(node(2), "alice", "alice-demo-password").path("access_token");
        Visitor.bearer(node(2), token).get("/api/me").then().statusCode(200);
        Visitor.bearer(node(2), token).get("/api/me").then().statusCode(200); // now in node 2's verified-token cache

        Visitor.bearer(node(1), token).contentType(ContentType.URLENC).formParam("token", token).post("/auth/revoke")
                .then().statusCode(200);
        refusedWithin(PROPAGATION, node(2), token);
        refusedWithin(Duration.ZERO, node(1), token);
    }

    @Test
    @Order(4)
    void logoutEverywhereOnNode1EndsTheSessionsAndTokensOfTheUserOnNode2() {
        String user = newUser();
        Visitor browser = new Visitor().logIn(node(2), user, PASSWORD);
        String token = Visitor.passwordGrant(node(2), user, PASSWORD).path("access_token");
        Visitor.bearer(node(2), token).get("/api/me").then().statusCode(200);

        String other = Visitor.passwordGrant(node(1), user, PASSWORD).path("access_token");
        Visitor.bearer(node(1), other).post("/api/me/logout-all").then().statusCode(204);

        refusedWithin(PROPAGATION, node(2), token);
        sessionEndedWithin(PROPAGATION, browser, node(2));
        sessionEndedWithin(Duration.ZERO, browser, node(1));
        Visitor.passwordGrant(node(2), user, PASSWORD).then().statusCode(200); // a new login works
    }

    @Test
    @Order(5)
    void aPasswordChangeThroughASessionOnNode1KeepsThatSessionOnlyOnBothNodes() {
        String user = newUser();
        Visitor changer = new Visitor().logIn(node(1), user, PASSWORD);
        Visitor other = new Visitor().logIn(node(2), user, PASSWORD);
        String csrf = changer.csrf(node(1));

        changer.keep(changer.unsafe(node(1), csrf).contentType(ContentType.JSON)
                .body("{\"current\":\"" + PASSWORD + "\",\"new\":\"changed-password-5678\"}").post("/web/me/password"))
                .then().statusCode(204);

        sessionEndedWithin(PROPAGATION, other, node(2));
        sleepPast(PROPAGATION);
        changer.get(node(2), "/web/me").then().statusCode(200).body("name", equalTo(user));
        changer.get(node(1), "/web/me").then().statusCode(200);
        Visitor.passwordGrant(node(2), user, PASSWORD).then().statusCode(400).body("error", equalTo("invalid_grant"));
        Visitor.passwordGrant(node(2), user, "changed-password-5678").then().statusCode(200);
    }

    @Test
    @Order(6)
    void disablingAnAccountOnNode1EndsItsLoginsOnNode2() {
        String user = newUser();
        Visitor browser = new Visitor().logIn(node(2), user, PASSWORD);
        String token = Visitor.passwordGrant(node(2), user, PASSWORD).path("access_token");
        Visitor.bearer(node(2), token).get("/api/me").then().statusCode(200);

        Visitor.bearer(node(1), adminToken(node(1))).post("/api/admin/accounts/" + user + "/disable").then().statusCode(204);

        refusedWithin(PROPAGATION, node(2), token);
        sessionEndedWithin(PROPAGATION, browser, node(2));
        Visitor.passwordGrant(node(2), user, PASSWORD).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    // --- the login throttle ---------------------------------------------------------------------------

    @Test
    @Order(7)
    void failedLoginsOnBothNodesAddUpAndLockTheNameOnBoth() {
        String name = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            Visitor.passwordGrant(node(1 + i % 2), name, "wrong-password-" + i).then().statusCode(400);
        }
        for (int n : new int[] {1, 2}) {
            Visitor.passwordGrant(node(n), name, "another-guess").then().statusCode(429)
                    .header("Retry-After", not(equalTo(null)));
        }
    }

    @Test
    @Order(8)
    void concurrentFailuresOnTwoNodesAreEachCountedOnce() throws Exception {
        // Fewer failures per name than the free ones, so no attempt meets a lock (an attempt during a lock
        // is answered without being checked or counted): every attempt must be in the shared count.
        int perName = 4;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            names.add("spray-" + UUID.randomUUID().toString().substring(0, 8));
        }
        ExecutorService pool = Executors.newFixedThreadPool(names.size() * perName);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String name : names) {
                for (int i = 0; i < perName; i++) {
                    int n = 1 + i % 2;
                    answers.add(pool.submit(() -> checkedGrant(n, name)));
                }
            }
            for (Future<Integer> answer : answers) {
                assertEquals(400, answer.get());
            }
            for (String name : names) {
                assertEquals(perName, failuresStoredFor(name), "failures of " + name + " on two nodes at once");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A password grant that a client retries while the node's hashing bulkhead answers {@code 503} (more
     * logins at once than it hashes); such answers are neither checked nor counted.
     */
    private static int checkedGrant(int node, String name) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        int status;
        do {
            status = Visitor.passwordGrant(node(node), name, "wrong-password").statusCode();
            if (status == 503) {
                Thread.sleep(100 + java.util.concurrent.ThreadLocalRandom.current().nextInt(400)); // Retry-After, jittered
            }
        } while (status == 503 && System.nanoTime() < deadline);
        return status;
    }

    // --- the cluster's edges --------------------------------------------------------------------------

    @Test
    @Order(9)
    void nothingTheClusterStartedListensBeyondLoopback() throws Exception {
        List<Long> pids = cluster.pids();
        assertEquals(3, pids.size(), "two nodes and the balancer");
        Process ss = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ss.waitFor();
        int sockets = 0;
        for (String line : out.split("\n")) {
            for (long pid : pids) {
                if (line.contains("pid=" + pid + ",")) {
                    sockets++;
                    String local = line.trim().split("\\s+")[3];
                    assertTrue(local.startsWith("127.0.0.1:") || local.startsWith("[::ffff:127.0.0.1]:"),
                            "pid " + pid + " listens on " + local);
                }
            }
        }
        assertTrue(sockets >= 5, sockets + " listening sockets: 2 HTTP + 2 data grid + 1 balancer at least");
    }

    @Test
    @Order(10)
    void aPayaraMicroWithAnotherClusterNameDoesNotJoin() throws Exception {
        Visitor admin = new Visitor().logIn(node(1), "admin", "admin-demo-password");
        Path intruderDir = cluster.runDir().resolve("intruder");
        Files.createDirectories(intruderDir);
        // Its member list names node 1's data grid port: only the cluster name keeps it out.
        Map<String, String> intruder = Map.of("DUALAUTH_CLUSTER_NAME", "intruder", "DUALAUTH_NODE1_PORT", "18083",
                "DUALAUTH_GRID_PORT1", "16902", "DUALAUTH_GRID_PORT2", "16900", "DUALAUTH_RUN_DIR", intruderDir.toString());
        cluster.script(intruder, "node", "1");
        try {
            // The grid's sessions are not there (not kept: its answer would replace the visitor's cookie).
            admin.at("http://127.0.0.1:18083").get("/web/me").then().statusCode(302);
            admin.get(node(2), "/web/me").then().statusCode(200);
            String log = Files.readString(intruderDir.resolve("node1.log"));
            assertTrue(log.contains("the target cluster has a different cluster-name"), "the intruder was turned away");
            assertTrue(log.contains("DG Name: intruder DG Size: 1"), "the intruder stays alone");
            assertTrue(!log.contains("DG Size: 2"), "the intruder never had a second member");
            String node1 = Files.readString(cluster.runDir().resolve("node1.log"));
            assertTrue(!node1.contains("DG Size: 3"), "the cluster never had a third member");
        } finally {
            cluster.script(intruder, "stop");
        }
    }

    @Test
    @Order(11)
    void killingNode1LosesNoSessionNoTokenAndNoRequestThroughTheBalancer() throws Exception {
        int k = 10;
        List<Visitor> browsers = new ArrayList<>();
        List<String> csrf = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            String user = newUser();
            Visitor browser = new Visitor().logIn(node(1), user, PASSWORD);
            String token = browser.csrf(node(1));
            browser.keep(browser.unsafe(node(1), token).contentType(ContentType.JSON)
                    .body("{\"text\":\"note " + i + "\"}").post("/web/notes")).then().statusCode(201);
            browsers.add(browser);
            csrf.add(token);
            tokens.add(Visitor.passwordGrant(node(1), user, PASSWORD).path("access_token"));
        }

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> loops = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            loops.add(load.submit(() -> {
                for (int i = offset; running.get(); i += 4) {
                    int j = i % k;
                    int session = browsers.get(j).at(balancer()).get("/web/me").statusCode();
                    int bearer = Visitor.bearer(balancer(), tokens.get(j)).get("/api/me").statusCode();
                    sent.addAndGet(2);
                    if (session != 200 || bearer != 200) {
                        failures.add("web " + session + ", api " + bearer);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(1_000);
        cluster.kill(1);
        Thread.sleep(5_000);
        running.set(false);
        for (Future<?> loop : loops) {
            loop.get();
        }
        load.shutdown();

        assertEquals(List.of(), failures, "answers other than 200 among " + sent.get() + " requests");
        for (int i = 0; i < k; i++) {
            Visitor browser = browsers.get(i);
            browser.get(node(2), "/web/me").then().statusCode(200);
            browser.get(node(2), "/web/notes").then().statusCode(200).body("text", hasItem("note " + i));
            assertEquals(csrf.get(i), browser.csrf(node(2)));
            Visitor.bearer(node(2), tokens.get(i)).get("/api/me").then().statusCode(200);
            browser.get(balancer(), "/web/me").then().statusCode(200);
        }
    }

    @Test
    @Order(12)
    void aNodeThatJoinsLateSeesEveryRevocationMadeBefore() throws Exception {
        // Node 1 is down (killed above): revoke on node 2, then bring node 1 back.
        String user = newUserOn(node(2));
        Visitor browser = new Visitor().logIn(node(2), user, PASSWORD);
        String revoked = Visitor.passwordGrant(node(2), "alice", "alice-demo-password").path("access_token");
        Visitor.bearer(node(2), revoked).contentType(ContentType.URLENC).formParam("token", revoked).post("/auth/revoke")
                .then().statusCode(200);
        String cut = Visitor.passwordGrant(node(2), user, PASSWORD).path("access_token");
        Visitor.bearer(node(2), cut).post("/api/me/logout-all").then().statusCode(204);
        Visitor survivor = new Visitor().logIn(node(2), "alice", "alice-demo-password");

        cluster.start(1);

        refusedWithin(Duration.ZERO, node(1), revoked);
        refusedWithin(Duration.ZERO, node(1), cut);
        sessionEndedWithin(Duration.ZERO, browser, node(1));
        survivor.get(node(1), "/web/me").then().statusCode(200).body("name", equalTo("alice"));
    }

    // --- helpers --------------------------------------------------------------------------------------

    static String adminToken(String base) {
        return Visitor.passwordGrant(base, "admin", "admin-demo-password").then().statusCode(200)
                .extract().path("access_token");
    }

    static String newUser() {
        return newUserOn(node(1));
    }

    static String newUserOn(String base) {
        String name = "user-" + UUID.randomUUID().toString().substring(0, 8);
        Visitor.bearer(base, adminToken(base)).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"user\"]}")
                .post("/api/admin/accounts").then().statusCode(201);
        return name;
    }

    /** Polls {@code base} with the token until it is refused as the contract says; fails after {@code within}. */
    /**
     * Polls {@code base} with the token until it is refused as the contract says, and fails unless that
     * happened within {@code within} of the call ({@link Duration#ZERO}: on the very first request).
     */
    static void refusedWithin(Duration within, String base, String token) {
        assertTrue(until(within, () -> Visitor.bearer(base, token).get("/api/me").statusCode() == 401),
                "still accepted on " + base + " after " + within.toMillis() + " ms");
        Visitor.bearer(base, token).get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"dualauth\", error=\"invalid_token\""));
    }

    static void sessionEndedWithin(Duration within, Visitor browser, String base) {
        assertTrue(until(within, () -> browser.at(base).get("/web/me").statusCode() == 302),
                "session still valid on " + base + " after " + within.toMillis() + " ms");
        browser.get(base, "/web/me").then().statusCode(302).header("Location", equalTo(base + "/login"));
    }

    /** True when {@code condition} held on a check begun within {@code within} of the first. */
    static boolean until(Duration within, BooleanSupplier condition) {
        long start = System.nanoTime();
        while (true) {
            boolean late = (System.nanoTime() - start) / 1_000_000 > within.toMillis();
            if (condition.getAsBoolean()) {
                return true;
            }
            if (late || within.isZero()) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    static void sleepPast(Duration duration) {
        try {
            Thread.sleep(duration.toMillis() + 100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long failuresStoredFor(String name) throws Exception {
        String hash = Digests.sha256Hex(name); // how DatabaseLoginThrottle keys a name
        try (Connection db = cluster.database();
                PreparedStatement query = db.prepareStatement("SELECT failures FROM login_failure WHERE name_hash = ?")) {
            query.setString(1, hash);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }
}
