package dev.dualauth.token;

import dev.dualauth.security.BoundedMap;
import dev.dualauth.security.Caller;
import dev.dualauth.token.keys.TokenSettings;
import dev.dualauth.token.refresh.RefreshTokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens the container has already verified, so that the next request with the same token costs a
 * SHA-256 and a map lookup instead of a signature check. Keyed by the digest of the whole token text, so
 * an altered token never matches; each entry ends when its token expires; the caller still applies the
 * revocation check on every hit. Holds at most {@code dualauth.jwt.verified-cache-size} entries (0 turns
 * it off); a new token beyond that evicts the one cached longest ago.
 *
 * <p>One subject holds at most {@value #MAX_PER_SUBJECT} entries: a user who mints tokens as fast as the
 * token endpoint allows (logins, refreshes) cannot push everyone else's tokens out. Beyond that, the
 * user's further tokens still work — each is verified on every use, the cost falls on that user alone.
 * One token holds one entry whatever its spelling: {@link TokenRules} accepts only the canonical base64url
 * encoding, and the two valid ECDSA signatures of one token share a key.
 */
@ApplicationScoped
public class VerifiedTokenCache {

    /** What a hit needs: the principal the container made, the caller, and the claims the checks read. */
    public record Entry(JsonWebToken principal, Caller caller, String jti, String familyId, String subject,
            Instant issuedAt, Instant expiresAt) {
    }

    /** The 256-bit digest as four longs: cheap to hash and compare, and no copy of the token is kept. */
    private record Key(long a, long b, long c, long d) {
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /**
     * Twice the most refresh families a user may have alive at once (each holds one current access token),
     * so that no legitimate use meets the bound.
     */
    static final int MAX_PER_SUBJECT = 2 * RefreshTokenStore.MAX_LIVE_FAMILIES;

    /** Null when the cache is off. */
    private final BoundedMap<Key, Entry> entries;

    /** Entries held per subject; a subject with none has no key. */
    private final ConcurrentHashMap<String, Integer> perSubject = new ConcurrentHashMap<>();

    /** For the container's proxy only. */
    VerifiedTokenCache() {
        this(0);
    }

    @Inject
    VerifiedTokenCache(TokenSettings settings) {
        this(settings.verifiedCacheSize());
    }

    VerifiedTokenCache(int maxEntries) {
        entries = maxEntries > 0 ? new BoundedMap<>(maxEntries, (key, evicted) -> release(evicted)) : null;
    }

    public boolean enabled() {
        return entries != null;
    }

    /** The entry of a token verified before and not yet expired at {@code now}, or null. */
    public Entry find(String token, Instant now) {
        if (entries == null) {
            return null;
        }
        Key key = key(token);
        Entry entry = entries.get(key);
        if (entry != null && !now.isBefore(entry.expiresAt())) {
            if (entries.remove(key, entry)) {
                release(entry);
            }
            return null;
        }
        return entry;
    }

    /**
     * Remembers a verified token until {@code entry.expiresAt()}, unless its subject already holds
     * {@value #MAX_PER_SUBJECT} entries.
     */
    public void put(String token, Entry entry, Instant now) {
        if (entries == null || !now.isBefore(entry.expiresAt())) {
            return;
        }
        Key key = key(token);
        if (entries.get(key) != null || !reserve(subjectOf(entry))) {
            return;
        }
        if (entries.putIfAbsent(key, entry) != null) {
            release(entry); // another request cached the same token meanwhile
        }
    }

    /** Counts one more entry for {@code subject}; false, counting nothing, if it has its share. */
    private boolean reserve(String subject) {
        boolean[] room = {false};
        perSubject.compute(subject, (s, held) -> {
            int count = held == null ? 0 : held;
            if (count >= MAX_PER_SUBJECT) {
                return held;
            }
            room[0] = true;
            return count + 1;
        });
        return room[0];
    }

    private void release(Entry entry) {
        perSubject.computeIfPresent(subjectOf(entry), (s, held) -> held > 1 ? held - 1 : null);
    }

    private static String subjectOf(Entry entry) {
        return entry.subject() == null ? "" : entry.subject();
    }

    int size() {
        return entries == null ? 0 : entries.size();
    }

    /** Entries held for {@code subject}. */
    int heldBy(String subject) {
        return perSubject.getOrDefault(subject, 0);
    }

    /**
     * SHA-256 of the token — with an ES256 signature in its low-S form: ECDSA accepts (r, s) and (r, n − s)
     * alike, so without this one token would have two valid spellings, and two entries. Only those two
     * signatures map to one key, and both verify; any other change of the signature is another key.
     */
    static Key key(String token) {
        MessageDigest digest = SHA256.get();
        int dot = token.lastIndexOf('.');
        byte[] signature = dot < 0 ? null : lowS(token.substring(dot + 1));
        if (signature == null) {
            digest.update(token.getBytes(StandardCharsets.US_ASCII));
        } else {
            digest.update(token.substring(0, dot + 1).getBytes(StandardCharsets.US_ASCII));
            digest.update(signature);
        }
        ByteBuffer hash = ByteBuffer.wrap(digest.digest());
        return new Key(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
    }

    /** The P-256 group order. */
    private static final BigInteger P256_N =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    private static final BigInteger P256_HALF_N = P256_N.shiftRight(1);

    /** The 64-byte r‖s of an ES256 signature with s ≤ n/2, or null if it is not one. */
    private static byte[] lowS(String encodedSignature) {
        if (encodedSignature.length() != 86) {
            return null;
        }
        byte[] rs;
        try {
            rs = Base64.getUrlDecoder().decode(encodedSignature);
        } catch (IllegalArgumentException e) {
            return null;
        }
        BigInteger sig = new BigInteger(1, Arrays.copyOfRange(rs, 32, 64));
        if (sig.compareTo(P256_HALF_N) > 0) {
            byte[] low = P256_N.subtract(sig).toByteArray();
            Arrays.fill(rs, 32, 64, (byte) 0);
            int n = Math.min(low.length, 32);
            System.arraycopy(low, low.length - n, rs, 64 - n, n);
        }
        return rs;
    }
}
