package dev.dualauth.token;

import dev.dualauth.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens the container has already verified, so that the next request with the same token costs a
 * SHA-256 and a map lookup instead of a signature check. Keyed by the digest of the whole token text, so
 * an altered token never matches; each entry ends when its token expires; the caller still applies the
 * revocation check on every hit. Bounded by {@code dualauth.jwt.verified-cache-size} (0 turns it off).
 */
@ApplicationScoped
public class VerifiedTokenCache {

    public static final String SIZE = "dualauth.jwt.verified-cache-size";

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

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private int maxEntries;

    @PostConstruct
    void init() {
        maxEntries = ConfigProvider.getConfig(VerifiedTokenCache.class.getClassLoader())
                .getOptionalValue(SIZE, Integer.class).orElse(10_000);
    }

    VerifiedTokenCache() {
    }

    VerifiedTokenCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    public boolean enabled() {
        return maxEntries > 0;
    }

    /** The entry of a token verified before and not yet expired at {@code now}, or null. */
    public Entry find(String token, Instant now) {
        Key key = key(token);
        Entry entry = entries.get(key);
        if (entry != null && !now.isBefore(entry.expiresAt())) {
            entries.remove(key, entry);
            return null;
        }
        return entry;
    }

    /** Remembers a verified token until {@code entry.expiresAt()}; skipped when the cache is full of live tokens. */
    public void put(String token, Entry entry, Instant now) {
        if (maxEntries <= 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.put(key(token), entry);
    }

    int size() {
        return entries.size();
    }

    private static Key key(String token) {
        MessageDigest digest = SHA256.get();
        ByteBuffer hash = ByteBuffer.wrap(digest.digest(token.getBytes(StandardCharsets.US_ASCII)));
        return new Key(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
    }
}
