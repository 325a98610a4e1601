package dev.dualauth.it;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dualauth.it.suite.Persistence;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Findings of issue 14 on the token path: parallel replays of a spent refresh token (once a 500 with a
 * duplicate key), and the many spellings of one token.
 */
@Persistence
class TokenAttackIT extends ServerIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    @Test
    void parallelReplaysOfASpentRefreshTokenAreAllInvalidGrantsNeverServerErrors() throws Exception {
        Client.Tokens tokens = client.login(Personas.ALICE);
        client.refreshGrant(tokens.refresh()).then().statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Response>> replays = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                replays.add(pool.submit(() -> client.refreshGrant(tokens.refresh())));
            }
            for (Future<Response> replay : replays) {
                Response answer = replay.get();
                assertEquals(400, answer.statusCode(), answer.asString());
                answer.then().body("error", equalTo("invalid_grant"));
            }
        } finally {
            pool.shutdownNow();
        }
        client.assertInvalidToken(tokens.access());
    }

    @Test
    void aTokenHasOneSpelling() {
        String token = client.token(Personas.ALICE);
        client.bearer(token).get("/api/me").then().statusCode(200);
        String[] parts = token.split("\\.");
        for (String variant : new String[] {token + "=", parts[0] + "==." + parts[1] + "." + parts[2],
                parts[0] + "." + parts[1] + "=." + parts[2]}) {
            client.assertInvalidToken(variant);
        }
    }
}
