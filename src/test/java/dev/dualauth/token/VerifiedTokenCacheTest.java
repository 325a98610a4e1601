package dev.dualauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dualauth.security.Caller;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    final Instant now = Instant.parse("2026-01-01T12:00:00Z");

    VerifiedTokenCache.Entry entry(String jti, Instant expires) {
        return new VerifiedTokenCache.Entry(null, Caller.bearer("alice", Set.of("user")), jti, "f", "alice", now, expires);
    }

    @Test
    void aTokenIsFoundByItsExactTextOnly() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10);
        cache.put("header.claims.signature", entry("j1", now.plusSeconds(60)), now);
        assertNotNull(cache.find("header.claims.signature", now));
        assertNull(cache.find("header.claims.signaturf", now), "one character changed");
        assertNull(cache.find("header.claims.signature ", now));
    }

    @Test
    void anEntryEndsWhenItsTokenExpires() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10);
        cache.put("t", entry("j1", now.plusSeconds(60)), now);
        assertNotNull(cache.find("t", now.plusSeconds(59)));
        assertNull(cache.find("t", now.plusSeconds(60)));
        assertEquals(0, cache.size(), "the expired entry is dropped");
    }

    @Test
    void theCacheIsBoundedAndANewTokenEvictsTheOneCachedLongestAgo() {
        VerifiedTokenCache cache = new VerifiedTokenCache(2);
        cache.put("a", entry("a", now.plusSeconds(100)), now);
        cache.put("b", entry("b", now.plusSeconds(100)), now);
        cache.put("c", entry("c", now.plusSeconds(100)), now);
        assertNotNull(cache.find("c", now), "full of live entries, the newest token is still cached");
        assertNull(cache.find("a", now), "the oldest made room");
        assertNotNull(cache.find("b", now));
        assertEquals(2, cache.size());
        for (int i = 0; i < 10_000; i++) {
            cache.put("t" + i, entry("t" + i, now.plusSeconds(100)), now);
        }
        assertEquals(2, cache.size());
    }

    @Test
    void anAlreadyExpiredTokenIsNotCached() {
        VerifiedTokenCache cache = new VerifiedTokenCache(2);
        cache.put("old", entry("old", now), now);
        assertEquals(0, cache.size());
    }

    @Test
    void sizeZeroTurnsItOff() {
        VerifiedTokenCache cache = new VerifiedTokenCache(0);
        assertFalse(cache.enabled());
        cache.put("t", entry("j", now.plusSeconds(60)), now);
        assertNull(cache.find("t", now));
    }
}
