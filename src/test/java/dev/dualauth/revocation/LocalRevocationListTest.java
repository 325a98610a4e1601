package dev.dualauth.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class LocalRevocationListTest {

    /** The revocation table without a database: rows by id. */
    static final class Table extends RevocationTable {
        final Map<String, Revocation> rows = new ConcurrentHashMap<>();

        @Override
        public void save(Revocation r) {
            rows.put(UUID.randomUUID().toString(), r); // rows are only added
        }

        @Override
        public List<Revocation> live(Instant now) {
            return new ArrayList<>(rows.values().stream().filter(r -> r.expiresAt().isAfter(now)).toList());
        }

        @Override
        public int purge(Instant now) {
            int before = rows.size();
            rows.values().removeIf(r -> !r.expiresAt().isAfter(now));
            return before - rows.size();
        }
    }

    final Table table = new Table();
    final Instant now = Instant.now();
    final Instant later = now.plusSeconds(600);

    LocalRevocationList started() {
        LocalRevocationList list = new LocalRevocationList();
        list.table = table;
        list.load();
        return list;
    }

    @Test
    void revokedTokensAndFamiliesAreRefusedAndSurviveARestart() {
        LocalRevocationList list = started();
        list.revokeToken("j1", later);
        list.revokeFamily("f1", later);
        LocalRevocationList restarted = started();
        for (LocalRevocationList l : List.of(list, restarted)) {
            assertTrue(l.isRevoked("j1", null, "alice", now));
            assertTrue(l.isRevoked("j2", "f1", "alice", now));
            assertFalse(l.isRevoked("j2", "f2", "alice", now));
            assertFalse(l.isRevoked("j2", null, "alice", now));
        }
    }

    @Test
    void entriesEndWhenTheTokensTheyCoverExpire() {
        LocalRevocationList list = started();
        list.revokeToken("gone", now.minusSeconds(1));
        assertFalse(list.isRevoked("gone", null, "alice", now.minusSeconds(10)));
        assertFalse(started().isRevoked("gone", null, "alice", now.minusSeconds(10)), "expired rows are not loaded");
    }

    @Test
    void aSubjectCutOffRefusesTokensIssuedUpToItsSecondAndNewTokensAreIssuedAfterIt() {
        LocalRevocationList list = started();
        Instant cut = now.truncatedTo(ChronoUnit.SECONDS).plusMillis(500);
        list.revokeSubjectBefore("alice", cut, later);
        assertTrue(list.isRevoked("j", null, "alice", cut.truncatedTo(ChronoUnit.SECONDS)));
        assertTrue(list.isRevoked("j", null, "alice", cut.minusSeconds(60).truncatedTo(ChronoUnit.SECONDS)));
        assertFalse(list.isRevoked("j", null, "bob", cut.truncatedTo(ChronoUnit.SECONDS)));

        Instant issued = list.issueTimeFor("alice", cut);
        assertEquals(cut.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1), issued);
        assertFalse(list.isRevoked("j", null, "alice", issued));
        assertTrue(started().isRevoked("j", null, "alice", cut.truncatedTo(ChronoUnit.SECONDS)), "survives a restart");
        assertEquals(cut.plusSeconds(5).truncatedTo(ChronoUnit.SECONDS), list.issueTimeFor("alice", cut.plusSeconds(5)));
    }

    @Test
    void oneRevocationObservedByBothPathsIsOneCutOffKeptForTheLongerOfTheirLifetimes() {
        LocalRevocationList list = started();
        Instant cut = now.truncatedTo(ChronoUnit.SECONDS);
        list.revokeSubjectBefore("alice", now, now.plusSeconds(3600)); // for sessions: their absolute lifetime
        list.revokeSubjectBefore("alice", now, now.plusSeconds(60)); // for tokens: their lifetime
        for (LocalRevocationList l : List.of(list, started())) {
            assertTrue(l.loggedOutSince("alice", cut), "the cut-off holds");
            assertEquals(cut.plusSeconds(1), l.issueTimeFor("alice", now), "one cut-off, not two");
            assertTrue(l.loggedOutSince("alice", cut), "and it lasts the longer lifetime");
        }
        assertEquals(2, table.rows.size(), "each write is a row of its own");
        assertTrue(table.rows.values().stream().allMatch(r -> r.notBefore().equals(cut)));
        assertTrue(table.rows.values().stream().anyMatch(r -> r.expiresAt().equals(now.plusSeconds(3600))));
    }

    @Test
    void aSecondCutOffInTheSameSecondCoversWhatWasIssuedAfterTheFirst() {
        // The failure CI saw: a password change, a session kept through it and a token issued after it
        // (both carry the next second), then "log out everywhere" within the same second.
        LocalRevocationList list = started();
        Instant second = now.truncatedTo(ChronoUnit.SECONDS);
        list.revokeSubjectBefore("alice", second.plusMillis(100), later);
        Instant keptOrIssued = list.issueTimeFor("alice", second.plusMillis(200));
        assertEquals(second.plusSeconds(1), keptOrIssued);
        assertFalse(list.loggedOutSince("alice", keptOrIssued), "what came after the first cut-off works");

        list.revokeSubjectBefore("alice", second.plusMillis(300), later);
        for (LocalRevocationList l : List.of(list, started())) {
            assertTrue(l.loggedOutSince("alice", keptOrIssued), "the second cut-off ends it");
            Instant next = l.issueTimeFor("alice", second.plusMillis(400));
            assertEquals(second.plusSeconds(2), next);
            assertFalse(l.loggedOutSince("alice", next), "and what comes after it works");
        }
        assertEquals(second.plusSeconds(3), list.issueTimeFor("alice", second.plusSeconds(3)),
                "issue times are the clock's again once it passes the cut-off");
    }

    @Test
    void rowsFromOtherNodesApplyInAnyOrderAndTwiceWithoutChange() {
        LocalRevocationList list = started();
        Instant cut = now.truncatedTo(ChronoUnit.SECONDS);
        Revocation early = new Revocation(Revocation.Kind.SUBJECT, "bob", cut.minusSeconds(60), later, now);
        Revocation late = new Revocation(Revocation.Kind.SUBJECT, "bob", cut, later, now);
        Revocation family = new Revocation(Revocation.Kind.FAMILY, "f9", null, later, now);
        for (Revocation row : List.of(late, early, family, late, family)) {
            list.apply(row);
        }
        assertTrue(list.loggedOutSince("bob", cut));
        assertFalse(list.loggedOutSince("bob", cut.plusSeconds(1)));
        assertTrue(list.isRevoked("j", "f9", "carol", now));
        assertEquals(0, table.rows.size(), "applying is not writing");
    }
}
