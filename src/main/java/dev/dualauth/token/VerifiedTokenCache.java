package dev.dualauth.token;

import dev.dualauth.security.BoundedMap;
import dev.dualauth.security.Caller;
import dev.dualauth.token.keys.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens the container has already verified, so that the next request with the same token costs a
 * SHA-256 and a map lookup instead of a signature check. Keyed by the digest of the whole token text, so
 * an altered token never matches; each entry ends when its token expires; the caller still applies the
 * revocation check on every hit. Holds at most {@code dualauth.jwt.verified-cache-size} entries (0 turns
 * it off); a new token beyond that evicts the one cached longest ago.
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

    /** Null when the cache is off. */
    private final BoundedMap<Key, Entry> entries;

    /** For the container's proxy only. */
    VerifiedTokenCache() {
        this(0);
    }

    @Inject
    VerifiedTokenCache(TokenSettings settings) {
        this(settings.verifiedCacheSize());
    }

    VerifiedTokenCache(int maxEntries) {
        entries = maxEntries > 0 ? new BoundedMap<>(maxEntries) : null;
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
            entries.remove(key, entry);
            return null;
        }
        return entry;
    }

    /** Remembers a verified token until {@code entry.expiresAt()}. */
    public void put(String token, Entry entry, Instant now) {
        if (entries != null && now.isBefore(entry.expiresAt())) {
            entries.put(key(token), entry);
        }
    }

    int size() {
        return entries == null ? 0 : entries.size();
    }

    private static Key key(String token) {
        MessageDigest digest = SHA256.get();
        ByteBuffer hash = ByteBuffer.wrap(digest.digest(token.getBytes(StandardCharsets.US_ASCII)));
        return new Key(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
    }
}
