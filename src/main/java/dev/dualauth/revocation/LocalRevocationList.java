package dev.dualauth.revocation;

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
 * The {@link RevocationList}: three concurrent maps consulted on every request, each write also added to
 * the {@code revocation} table and every live row loaded at start. Entries drop out of the maps when they
 * expire (checked on read) and out of the table by an hourly purge run from the write path.
 *
 * <p>Applying an entry is idempotent and order-free — the later cut-off and the later end win — so rows
 * can be applied again, in any order, from any node ({@link #apply}).
 */
@ApplicationScoped
public class LocalRevocationList implements RevocationList {

    /**
     * Until when an entry applies; for subjects the cut-off second, and the instant asked for by the
     * revocation that set it (null for rows read back), so that the two paths observing one revocation
     * write one cut-off.
     */
    private record Entry(Instant notBefore, Instant until, Instant asked) {

        Entry merge(Entry other) {
            Instant end = until.isAfter(other.until) ? until : other.until;
            if (notBefore == null || other.notBefore == null) {
                return new Entry(notBefore == null ? other.notBefore : notBefore, end, null);
            }
            int order = notBefore.compareTo(other.notBefore);
            Entry later = order > 0 ? this : other;
            Instant asked = order == 0 && other.asked == null ? this.asked : later.asked;
            return new Entry(later.notBefore, end, asked);
        }
    }

    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();
    private final Map<String, Entry> families = new ConcurrentHashMap<>();
    private final Map<String, Entry> subjects = new ConcurrentHashMap<>();
    private final PurgeSchedule purges = new PurgeSchedule(Duration.ofHours(1));

    @Inject
    RevocationTable table;

    @PostConstruct
    void load() {
        table.live(Instant.now()).forEach(this::apply);
    }

    @Override
    public void revokeToken(String jti, Instant tokenExpiry) {
        put(Revocation.Kind.TOKEN, jti, null, tokenExpiry, null);
    }

    @Override
    public void revokeFamily(String familyId, Instant until) {
        put(Revocation.Kind.FAMILY, familyId, null, until, null);
    }

    /**
     * The cut-off covers everything issued so far, also what was issued in the current second after an
     * earlier cut-off of the same second and therefore carries the next second ({@link #issueTimeFor}):
     * the cut-off is then that next second, and later logins get the one after. (So a user who revokes
     * their logins many times in one second moves their own issue times ahead by a second each time.) The
     * same {@code instant} again — one revocation, observed by the session path and the token path — is
     * the same cut-off.
     */
    @Override
    public void revokeSubjectBefore(String subject, Instant instant, Instant until) {
        Entry current = live(subjects, subject, instant);
        Instant cut = current != null && instant.equals(current.asked()) ? current.notBefore()
                : issueTimeFor(subject, instant);
        put(Revocation.Kind.SUBJECT, subject, cut, until, instant);
    }

    @Override
    public boolean isRevoked(String jti, String familyId, String subject, Instant issuedAt) {
        Instant now = Instant.now();
        if (live(tokens, jti, now) != null || live(families, familyId, now) != null) {
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

    /** Takes in a row, this node's or another's, as it would have been written here. */
    void apply(Revocation row) {
        apply(row, null);
    }

    private void apply(Revocation row, Instant asked) {
        mapOf(row.kind()).merge(row.item(), new Entry(row.notBefore(), row.expiresAt(), asked), Entry::merge);
    }

    private void put(Revocation.Kind kind, String item, Instant notBefore, Instant until, Instant asked) {
        Instant now = Instant.now();
        Revocation row = new Revocation(kind, item, notBefore, until, now);
        table.save(row);
        apply(row, asked);
        purgeNowAndThen(now);
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

    private void purgeNowAndThen(Instant now) {
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
