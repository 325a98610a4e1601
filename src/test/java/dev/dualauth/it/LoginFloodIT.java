package dev.dualauth.it;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A login flood (issue 14): password grants for random names, more at once than the server hashes. The
 * ones beyond the hashing bulkhead are answered at once with {@code 503} and {@code Retry-After} instead
 * of queueing; none is a server error; logged-in users are served meanwhile.
 */
class LoginFloodIT extends ServerIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    @Test
    void loginsBeyondWhatTheServerCanHashPromptlyGet503WithRetryAfter() throws Exception {
        String token = client.token(Personas.ALICE);
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 96; i++) {
                answers.add(pool.submit(() -> client.passwordGrant("flood-" + UUID.randomUUID(), "not-the-password-at-all")));
            }
            int busy = 0;
            int checked = 0;
            for (Future<Response> future : answers) {
                Response answer = future.get();
                if (answer.statusCode() == 503) {
                    busy++;
                    answer.then().header("Retry-After", equalTo("1")).header("Cache-Control", "no-store")
                            .body("error", equalTo("temporarily_unavailable"));
                } else {
                    assertEquals(400, answer.statusCode(), answer.asString());
                    answer.then().body("error", equalTo("invalid_grant"));
                    checked++;
                }
            }
            assertTrue(busy > 0, "some logins were refused by the bulkhead (checked " + checked + ")");
            assertTrue(checked > 0, "the bulkhead lets logins through");
        } finally {
            pool.shutdownNow();
        }
        // Afterwards everything works as before.
        client.bearer(token).get("/api/me").then().statusCode(200);
        client.login(Personas.ALICE);
    }
}
