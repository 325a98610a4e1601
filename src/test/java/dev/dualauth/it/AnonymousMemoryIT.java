package dev.dualauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dualauth.it.suite.OwnServer;
import io.restassured.response.Response;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * What anonymous visitors can make the server keep, measured in the server's live heap (after a full
 * collection): nothing for an unsafe request or a page request too large to keep, and for page requests
 * at most {@code dualauth.session.pre-login-limit} (2,000 by default) small pre-login sessions. Before the
 * bound, every anonymous request under {@code /web} made a session that kept the whole request, body
 * included, for the idle timeout (200 posts of 1 MB: +204 MB).
 */
@OwnServer("it measures the live heap of a server nothing else has used, and spends the pre-login budget")
class AnonymousMemoryIT extends ServerIT {

    static final int LIMIT = 2_000;
    static final long MIB = 1024 * 1024;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.packagedWar();
    }

    @Test
    void whatAnonymousVisitorsCanMakeTheServerKeepIsBoundedInBytes() throws Exception {
        long pid = ServerProcess.find().orElseThrow(() -> new AssertionError("the server's process is not a child of this JVM")).pid();
        int warmUp = 100;
        for (int i = 0; i < warmUp; i++) {
            assertTrue(Client.sessionOf(page(null)) != null, "a page request is kept for after the login");
        }
        long before = ServerProcess.liveHeapBytes(pid);

        String filler = "f".repeat(6_000);
        for (int i = 0; i < 2_000; i++) {
            assertNull(Client.sessionOf(page(filler)), "a page request too large to keep: nothing kept");
        }
        String body = "{\"text\":\"" + "x".repeat(60_000) + "\"}";
        for (int i = 0; i < 300; i++) {
            Response post = client.request().header("Connection", "close").contentType("application/json").body(body).post("/web/notes");
            assertEquals(401, post.statusCode());
            assertNull(Client.sessionOf(post), "an unsafe anonymous request: nothing kept");
        }
        // 2,000 requests of 6 kB kept would be more than 12 MiB (their headers alone); 300 bodies of 60 kB, 17 MiB;
        // what is left is the connections' buffers and caches the server keeps a while (measured: 3.6 MiB on Payara).
        long afterRefused = settled(pid, before + 8 * MIB);

        int kept = 0;
        for (int i = 0; i < LIMIT; i++) {
            if (Client.sessionOf(page(null)) != null) {
                kept++;
            }
        }
        // Each kept page request: its URL and headers (at most 4 KiB, twice over as chars) and a session.
        long afterPages = settled(pid, afterRefused + kept * 16 * 1024L);
        System.out.printf("AnonymousMemoryIT: live heap %d MiB; +%d KiB after 2,000 large page requests and 300 posts of"
                + " 60 kB; +%d KiB after %d more pre-login sessions (%d bytes each)%n", before / MIB,
                (afterRefused - before) / 1024, (afterPages - afterRefused) / 1024, kept,
                kept == 0 ? 0 : (afterPages - afterRefused) / kept);

        assertTrue(afterRefused - before < 8 * MIB, "refused requests kept " + (afterRefused - before) / 1024 + " KiB");
        assertEquals(LIMIT - warmUp, kept, "pre-login sessions beyond the budget are not made");
        assertTrue(afterPages - afterRefused < kept * 16 * 1024L,
                "pre-login sessions kept " + (afterPages - afterRefused) / 1024 + " KiB");
        assertNull(Client.sessionOf(page(null)), "the budget is spent: the next visitor gets nothing kept");
    }

    /**
     * The live heap once it is below {@code ceiling}, polled for up to a minute: the server lets go of each
     * closed connection's objects (Grizzly: about 3 kB each) some seconds after the close, and those are
     * not what a visitor can make it keep. The last reading if it never gets there.
     */
    private static long settled(long pid, long ceiling) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        long live = ServerProcess.liveHeapBytes(pid);
        while (live >= ceiling && System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            live = ServerProcess.liveHeapBytes(pid);
        }
        return live;
    }

    private Response page(String filler) {
        var request = client.request().header("Connection", "close");
        if (filler != null) {
            request = request.header("X-Filler", filler);
        }
        Response answer = request.get("/web/notes");
        answer.then().statusCode(302).header("Location", org.hamcrest.Matchers.equalTo(client.base() + "/login"));
        return answer;
    }
}
