package dev.dualauth.revocation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The per-request cost of the revocation check (run by bench/revocation-check, not a test): nanoseconds
 * per {@link LocalRevocationList#isRevoked} with 10,000 revoked token ids, 10,000 revoked families
 * and 10,000 subject cut-offs in memory, for a token that is not revoked (the usual case).
 */
public final class RevocationCheckBenchmark {

    public static void main(String[] args) {
        LocalRevocationList list = new LocalRevocationList();
        list.table = new RevocationTable() {
            @Override
            public void save(Revocation revocation) {
            }

            @Override
            public List<Revocation> live(Instant now) {
                return List.of();
            }

            @Override
            public int purge(Instant now) {
                return 0;
            }
        };
        Instant until = Instant.now().plusSeconds(3600);
        for (int i = 0; i < 10_000; i++) {
            list.revokeToken(UUID.randomUUID().toString(), until);
            list.revokeFamily(UUID.randomUUID().toString(), until);
            list.revokeSubjectBefore("user-" + i, Instant.now(), until);
        }
        String jti = UUID.randomUUID().toString();
        String family = UUID.randomUUID().toString();
        Instant issued = Instant.now().plusSeconds(5);
        String[] subjects = new String[1024];
        for (int i = 0; i < subjects.length; i++) {
            subjects[i] = "user-" + i;
        }
        long sink = 0;
        for (int round = 0; round < 5; round++) {
            int n = 5_000_000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                if (list.isRevoked(jti, family, subjects[i & 1023], issued)) {
                    sink++;
                }
            }
            long ns = System.nanoTime() - start;
            System.out.printf("round %d: %.0f ns per check%n", round + 1, (double) ns / n);
        }
        System.out.println(sink == 0 ? "no false refusal" : "unexpected refusals: " + sink);
    }
}
