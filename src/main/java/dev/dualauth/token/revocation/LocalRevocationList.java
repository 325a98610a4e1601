package dev.dualauth.token.revocation;

import dev.dualauth.security.PurgeSchedule;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single-node {@link RevocationList}: three concurrent maps consulted on every request, each write
 * also stored in the {@code revocation} table and reloaded at start. Entries drop out of the maps when
 * they expire (checked on read) and out of the table by an hourly purge run from the write path.
 */
@ApplicationScoped
public class LocalRevocationList implements RevocationList {

    /** Until when an entry applies, and for subjects the cut-off second. */
    private record Entry(Instant notBefore, Instant until) {
    }

    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();
    private final Map<String, Entry> families = new ConcurrentHashMap<>();
    private final Map<String, Entry> subjects = new ConcurrentHashMap<>();
    private final PurgeSchedule purges = new PurgeSchedule(Duration.ofHours(1));

    @Inject
    RevocationTable table;

    @PostConstruct
    void load() {
        for (Revocation r : table.live(Instant.now())) {
            mapOf(r.kind()).put(r.item(), new Entry(r.notBefore(), r.expiresAt()));
        }
    }

    @Override
    public void revokeToken(String jti, Instant tokenExpiry) {
        put(Revocation.Kind.TOKEN, jti, null, tokenExpiry);
    }

    @Override
    public void revokeFamily(String familyId, Instant until) {
        put(Revocation.Kind.FAMILY, familyId, null, until);
    }

    @Override
    public void revokeSubjectBefore(String subject, Instant instant, Instant until) {
        put(Revocation.Kind.SUBJECT, subject, instant.truncatedTo(ChronoUnit.SECONDS), until);
    }

    @Override
    public boolean isRevoked(String jti, String familyId, String subject, Instant issuedAt) {
        Instant now = Instant.now();
        if (live(tokens, jti, now) != null || (familyId != null && live(families, familyId, now) != null)) {
            return true;
        }
        Entry cut = live(subjects, subject, now);
        return cut != null && !issuedAt.isAfter(cut.notBefore());
    }

    @Override
    public Instant issueTimeFor(String subject, Instant now) {
        Entry cut = live(subjects, subject, now);
        Instant second = now.truncatedTo(ChronoUnit.SECONDS);
        return cut == null || second.isAfter(cut.notBefore()) ? second : cut.notBefore().plusSeconds(1);
    }

    private void put(Revocation.Kind kind, String item, Instant notBefore, Instant until) {
        Entry entry = new Entry(notBefore, until);
        table.save(new Revocation(kind, item, notBefore, until));
        mapOf(kind).put(item, entry);
        purgeNowAndThen();
    }

    private static Entry live(Map<String, Entry> map, String key, Instant now) {
        if (key == null) {
            return null;
        }
        Entry entry = map.get(key);
        if (entry == null) {
            return null;
        }
        if (!entry.until().isAfter(now)) {
            map.remove(key, entry);
            return null;
        }
        return entry;
    }

    private void purgeNowAndThen() {
        Instant now = Instant.now();
        if (purges.due(now)) {
            table.purge(now);
            for (Map<String, Entry> map : List.of(tokens, families, subjects)) {
                map.values().removeIf(e -> !e.until().isAfter(now));
            }
        }
    }

    private Map<String, Entry> mapOf(Revocation.Kind kind) {
        return switch (kind) {
            case TOKEN -> tokens;
            case FAMILY -> families;
            case SUBJECT -> subjects;
        };
    }
}
