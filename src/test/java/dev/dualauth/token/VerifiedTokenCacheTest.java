package dev.dualauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
    void theTwoValidSignaturesOfOneEs256TokenShareOneEntryAndNoOtherSignatureDoes() throws Exception {
        com.nimbusds.jose.jwk.ECKey key = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256).generate();
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.ES256),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("alice").build());
        jwt.sign(new com.nimbusds.jose.crypto.ECDSASigner(key));
        String token = jwt.serialize();
        int dot = token.lastIndexOf('.');
        byte[] rs = java.util.Base64.getUrlDecoder().decode(token.substring(dot + 1));
        java.math.BigInteger n = new java.math.BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
        java.math.BigInteger other = n.subtract(new java.math.BigInteger(1, java.util.Arrays.copyOfRange(rs, 32, 64)));
        byte[] otherBytes = other.toByteArray();
        byte[] flipped = rs.clone();
        java.util.Arrays.fill(flipped, 32, 64, (byte) 0);
        int len = Math.min(otherBytes.length, 32);
        System.arraycopy(otherBytes, otherBytes.length - len, flipped, 64 - len, len);
        String twin = token.substring(0, dot + 1) + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(flipped);
        // Both are valid signatures (ECDSA malleability), so both spellings must find one entry.
        assertTrue(com.nimbusds.jwt.SignedJWT.parse(twin).verify(new com.nimbusds.jose.crypto.ECDSAVerifier(key.toECPublicKey())));
        assertEquals(VerifiedTokenCache.key(token), VerifiedTokenCache.key(twin));
        byte[] forged = rs.clone();
        forged[63] ^= 1;
        String other1 = token.substring(0, dot + 1) + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(forged);
        assertNotEquals(VerifiedTokenCache.key(token), VerifiedTokenCache.key(other1));
        VerifiedTokenCache cache = new VerifiedTokenCache(10);
        cache.put(token, entry("j1", now.plusSeconds(60)), now);
        cache.put(twin, entry("j1", now.plusSeconds(60)), now);
        assertEquals(1, cache.size());
        assertNull(cache.find(other1, now));
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

    VerifiedTokenCache.Entry entryOf(String subject, String jti, Instant expires) {
        return new VerifiedTokenCache.Entry(null, Caller.bearer(subject, Set.of("user")), jti, "f", subject, now, expires);
    }

    @Test
    void oneSubjectCannotTakeMoreThanItsShareOfTheCache() {
        VerifiedTokenCache cache = new VerifiedTokenCache(1_000);
        cache.put("bob-token", entryOf("bob", "b", now.plusSeconds(100)), now);
        for (int i = 0; i < 1_000; i++) {
            cache.put("mallory-" + i, entryOf("mallory", "m" + i, now.plusSeconds(100)), now);
        }
        assertEquals(VerifiedTokenCache.MAX_PER_SUBJECT, cache.heldBy("mallory"));
        assertEquals(VerifiedTokenCache.MAX_PER_SUBJECT + 1, cache.size());
        assertNotNull(cache.find("bob-token", now), "another user's token stays cached");
        assertNotNull(cache.find("mallory-0", now));
        assertNull(cache.find("mallory-" + VerifiedTokenCache.MAX_PER_SUBJECT, now), "beyond the share: not cached");
        cache.put("carol-token", entryOf("carol", "c", now.plusSeconds(100)), now);
        assertNotNull(cache.find("carol-token", now));
    }

    @Test
    void entriesThatExpireOrAreEvictedGiveTheirSubjectRoomAgain() {
        VerifiedTokenCache cache = new VerifiedTokenCache(VerifiedTokenCache.MAX_PER_SUBJECT + 1);
        for (int i = 0; i < VerifiedTokenCache.MAX_PER_SUBJECT; i++) {
            cache.put("short-" + i, entryOf("mallory", "s" + i, now.plusSeconds(10)), now);
        }
        assertEquals(VerifiedTokenCache.MAX_PER_SUBJECT, cache.heldBy("mallory"));
        assertNull(cache.find("short-0", now.plusSeconds(10)), "expired");
        assertEquals(VerifiedTokenCache.MAX_PER_SUBJECT - 1, cache.heldBy("mallory"), "the expired one is released");
        cache.put("again", entryOf("mallory", "a", now.plusSeconds(100)), now);
        assertNotNull(cache.find("again", now));
        cache.put("twice", entryOf("bob", "b1", now.plusSeconds(100)), now);
        cache.put("twice-more", entryOf("bob", "b2", now.plusSeconds(100)), now); // full: evicts mallory's oldest
        assertEquals(VerifiedTokenCache.MAX_PER_SUBJECT - 1, cache.heldBy("mallory"), "eviction releases its count");
        assertEquals(2, cache.heldBy("bob"));
        cache.put("twice", entryOf("bob", "b1", now.plusSeconds(100)), now);
        assertEquals(2, cache.heldBy("bob"), "one token counts once");
        assertEquals(cache.size(), cache.heldBy("mallory") + cache.heldBy("bob"));
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
