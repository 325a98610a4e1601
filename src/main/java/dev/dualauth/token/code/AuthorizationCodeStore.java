package dev.dualauth.token.code;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.dualauth.security.Digests;
import dev.dualauth.security.PurgeSchedule;
import dev.dualauth.security.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Issues and redeems authorization codes. Codes are 256-bit random values kept as SHA-256 hashes in the
 * database, so any node of a cluster can redeem a code another node issued, and a code is spent by one
 * atomic update: of two concurrent presentations exactly one wins. Presenting a code again — before or
 * after it expired — reports the refresh family it started, for the caller to revoke (RFC 6749 §4.1.2).
 *
 * <p>Against the race between a first redemption still starting its family and a replay, the replay marks
 * the code as reused, and linking the family to the code succeeds only while it is not marked: either the
 * replay sees the family, or the first redemption sees the mark. Both are single-row updates.
 */
@ApplicationScoped
@Transactional
public class AuthorizationCodeStore {

    /** Spent and expired codes are kept this long, to recognise a late replay. */
    private static final Duration KEEP = Duration.ofDays(1);

    /** The outcome of presenting a code at the token endpoint. */
    public sealed interface Redemption {
        /** Valid, now spent: start the family, then {@link #linkFamily} it. */
        record Redeemed(String username, String codeId) implements Redemption {
            @Override
            public String toString() {
                return "Redeemed";
            }
        }

        /** Spent before: the family it started (null if none yet, or none ever) must be revoked. */
        record Replayed(String familyId, String username) implements Redemption {
        }

        /** Unknown, expired, or not bound to this client, redirect URI or verifier (spent nevertheless). */
        record Refused() implements Redemption {
        }
    }

    @PersistenceContext(unitName = "dualauth")
    EntityManager em;

    private final PurgeSchedule purges = new PurgeSchedule(Duration.ofHours(1));

    /** A new code bound to {@code binding}, valid for {@code ttl}. */
    public String issue(CodeBinding binding, Duration ttl) {
        Instant now = Instant.now();
        if (purges.due(now)) {
            em.createNamedQuery(AuthorizationCode.PURGE).setParameter("before", now.minus(KEEP)).executeUpdate();
        }
        String code = RandomTokens.next();
        em.persist(new AuthorizationCode(hash(code), binding, now, now.plus(ttl)));
        return code;
    }

    /**
     * Spends the code. It is redeemed only if it is live and was issued to {@code clientId} for exactly
     * {@code redirectUri}, and {@code verifier} matches its PKCE challenge.
     */
    public Redemption redeem(String code, String clientId, String redirectUri, String verifier) {
        Instant now = Instant.now();
        String hash = hash(code);
        int redeemed = em.createNamedQuery(AuthorizationCode.REDEEM)
                .setParameter("now", now).setParameter("hash", hash).executeUpdate();
        if (redeemed == 0) {
            em.createNamedQuery(AuthorizationCode.MARK_REUSED)
                    .setParameter("now", now).setParameter("hash", hash).executeUpdate();
        }
        AuthorizationCode stored = em.find(AuthorizationCode.class, hash);
        if (stored == null) {
            return new Redemption.Refused();
        }
        CodeBinding binding = stored.binding();
        if (redeemed == 0) {
            return new Redemption.Replayed(stored.familyId(), binding.username());
        }
        if (stored.expiredAt(now) || !binding.clientId().equals(clientId) || !binding.redirectUri().equals(redirectUri)
                || !verifies(verifier, binding.codeChallenge())) {
            return new Redemption.Refused();
        }
        return new Redemption.Redeemed(binding.username(), hash);
    }

    /**
     * Spends every unredeemed code of the user (password change, logout everywhere, account disabled):
     * a code issued before must not start a family after. Presented later, they count as replays. A code
     * redeemed just before, whose family is still being started, is marked as {@code reused_at} too, so
     * its {@link #linkFamily} fails and that family is ended: without it, a family started after the
     * revocation had swept the user's families would live on.
     */
    public void spendAllOf(String username) {
        Instant now = Instant.now();
        em.createNamedQuery(AuthorizationCode.SPEND_ALL_OF).setParameter("now", now)
                .setParameter("username", username).executeUpdate();
        em.createNamedQuery(AuthorizationCode.SEVER_UNLINKED_OF).setParameter("now", now)
                .setParameter("username", username).executeUpdate();
    }

    /** Links the family a redeemed code started to it; false if the code was replayed meanwhile. */
    public boolean linkFamily(String codeId, String familyId) {
        return em.createNamedQuery(AuthorizationCode.LINK_FAMILY)
                .setParameter("family", familyId).setParameter("hash", codeId).executeUpdate() == 1;
    }

    /** RFC 7636 §4.6 with S256, the only method accepted; compared in constant time. */
    static boolean verifies(String verifier, String challenge) {
        CodeVerifier parsed;
        try {
            parsed = new CodeVerifier(verifier);
        } catch (IllegalArgumentException malformed) {
            return false; // not 43 to 128 characters of [A-Za-z0-9-._~]
        }
        String computed = CodeChallenge.compute(CodeChallengeMethod.S256, parsed).getValue();
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hash(String code) {
        return Digests.sha256Hex(code);
    }
}
