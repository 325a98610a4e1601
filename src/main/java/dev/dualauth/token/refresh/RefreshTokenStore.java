package dev.dualauth.token.refresh;

import dev.dualauth.security.Digests;
import dev.dualauth.security.PurgeSchedule;
import dev.dualauth.security.RandomTokens;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Refresh tokens: opaque 256-bit random values, stored as SHA-256 hashes, chained in families
 * (RFC 9700 §4.14.2). Each use spends the token — atomically, so two concurrent uses cannot both win —
 * and returns the next one; a spent token presented again revokes its family.
 */
@ApplicationScoped
@Transactional
public class RefreshTokenStore {

    /** Spent tokens are kept this long after their family can last be used, to recognise late reuse. */
    private static final Duration KEEP_AFTER_EXPIRY = Duration.ofDays(1);

    /** The outcome of presenting a refresh token. */
    public sealed interface Rotation {
        /** The token was live: here is the next one. */
        record Rotated(String refreshToken, String familyId, String username) implements Rotation {
            @Override
            public String toString() {
                return "Rotated[familyId=" + familyId + "]";
            }
        }

        /** The token had been spent before: its family is now revoked. */
        record Reused(String familyId, String username) implements Rotation {
        }

        /** Unknown, or its family ended (revoked, idle, too old). */
        record Invalid() implements Rotation {
        }
    }

    /**
     * A new family's first token, and the user's families it revoked to stay within
     * {@value #MAX_LIVE_FAMILIES} (their access tokens must be revoked too).
     */
    public record Started(String refreshToken, String familyId, List<String> evictedFamilies) {
        @Override
        public String toString() {
            return "Started[familyId=" + familyId + ", evicted=" + evictedFamilies.size() + "]";
        }
    }

    /**
     * Live refresh families (logins) per user: a new one beyond this revokes the least recently used. A
     * user on more devices than this signs in again on the oldest; nobody can fill the table by logging in.
     */
    public static final int MAX_LIVE_FAMILIES = 50;

    /**
     * Spent tokens kept per family for reuse detection: the newest this many. An older spent token is
     * then unknown (refused as {@code invalid_grant}, without revoking the family): a family refreshed
     * every few seconds for a week keeps {@value} rows, not a hundred thousand.
     */
    static final int KEEP_SPENT = 20;

    @PersistenceContext(unitName = "dualauth")
    EntityManager em;

    private Duration idleTtl;
    private Duration absoluteTtl;
    private final PurgeSchedule purges = new PurgeSchedule(Duration.ofHours(1));

    @Inject
    RefreshSettings settings;

    @PostConstruct
    void init() {
        idleTtl = settings.idleTtl();
        absoluteTtl = settings.absoluteTtl();
    }

    public Started start(String username) {
        Instant now = Instant.now();
        purgeNowAndThen(now);
        List<String> evicted = evictBeyondTheLimit(username, now);
        RefreshFamily family = new RefreshFamily(username, now, absoluteTtl);
        em.persist(family);
        return new Started(addToken(family.id(), now), family.id(), evicted);
    }

    /** Revokes the user's least recently used live families so that a new one stays within the limit. */
    private List<String> evictBeyondTheLimit(String username, Instant now) {
        // most recently used first: only those past the newest MAX_LIVE_FAMILIES - 1 are read
        List<RefreshFamily> oldest = em.createNamedQuery(RefreshFamily.LIVE_OF, RefreshFamily.class)
                .setParameter("username", username).setFirstResult(MAX_LIVE_FAMILIES - 1).getResultList();
        oldest.forEach(f -> f.revokeAt(now));
        return oldest.stream().map(RefreshFamily::id).toList();
    }

    public Rotation rotate(String presented) {
        Instant now = Instant.now();
        String hash = hash(presented);
        int spent = em.createNamedQuery(RefreshToken.SPEND).setParameter("now", now).setParameter("hash", hash).executeUpdate();
        RefreshToken token = em.find(RefreshToken.class, hash);
        if (token == null) {
            return new Rotation.Invalid();
        }
        RefreshFamily family = em.find(RefreshFamily.class, token.familyId());
        if (family == null) {
            return new Rotation.Invalid();
        }
        if (spent == 0) {
            family.revokeAt(now);
            return new Rotation.Reused(family.id(), family.username());
        }
        if (!family.usableAt(now, idleTtl)) {
            return new Rotation.Invalid();
        }
        family.usedAt(now);
        String next = addToken(family.id(), now);
        keepNewestSpent(family.id());
        return new Rotation.Rotated(next, family.id(), family.username());
    }

    /** Revokes the family of a refresh token; returns its id, or null for an unknown token. */
    public String revokeFamilyOf(String presented) {
        RefreshToken token = em.find(RefreshToken.class, hash(presented));
        if (token == null) {
            return null;
        }
        revokeFamily(token.familyId());
        return token.familyId();
    }

    public void revokeFamily(String familyId) {
        RefreshFamily family = em.find(RefreshFamily.class, familyId);
        if (family != null) {
            family.revokeAt(Instant.now());
        }
    }

    /** Revokes every live family of the user; returns their ids. */
    public List<String> revokeAllOf(String username) {
        Instant now = Instant.now();
        List<RefreshFamily> live = em.createNamedQuery(RefreshFamily.LIVE_OF, RefreshFamily.class)
                .setParameter("username", username).getResultList();
        live.forEach(f -> f.revokeAt(now));
        return live.stream().map(RefreshFamily::id).toList();
    }

    private void keepNewestSpent(String familyId) {
        List<Instant> beyond = em.createNamedQuery(RefreshToken.SPENT_OF, Instant.class)
                .setParameter("family", familyId).setFirstResult(KEEP_SPENT).setMaxResults(1).getResultList();
        if (!beyond.isEmpty()) {
            em.createNamedQuery(RefreshToken.TRIM).setParameter("family", familyId)
                    .setParameter("upTo", beyond.get(0)).executeUpdate();
        }
    }

    private String addToken(String familyId, Instant now) {
        String value = RandomTokens.next();
        em.persist(new RefreshToken(hash(value), familyId, now));
        return value;
    }

    private void purgeNowAndThen(Instant now) {
        if (purges.due(now)) {
            Instant before = now.minus(KEEP_AFTER_EXPIRY);
            em.createNamedQuery(RefreshToken.PURGE).setParameter("before", before.minus(absoluteTtl)).executeUpdate();
            em.createNamedQuery(RefreshFamily.PURGE).setParameter("before", before).executeUpdate();
        }
    }

    /** SHA-256, hex: the tokens carry 256 random bits, so a fast hash is enough to keep them unusable at rest. */
    static String hash(String token) {
        return Digests.sha256Hex(token);
    }
}
