package dev.dualauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.dualauth.revocation.RevocationList;
import dev.dualauth.token.keys.KeyRing;
import dev.dualauth.token.keys.TokenSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenRulesTest {

    static final String ISSUER = "https://issuer.test";
    static final String AUDIENCE = "api";

    @TempDir
    Path dir;

    KeyRing keys;
    TokenRules rules;
    final FakeRevocations revocations = new FakeRevocations();
    final Instant now = Instant.now();

    @BeforeEach
    void setUp() {
        TokenSettings settings = new TokenSettings(ISSUER, AUDIENCE, JWSAlgorithm.ES256, Duration.ofMinutes(5),
                Optional.empty(), List.of(), Duration.ofSeconds(30), 1000, dir);
        keys = KeyRing.load(settings);
        rules = new TokenRules(settings, keys, revocations);
    }

    JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("alice").jwtID("j1")
                .claim("sid", "f1").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
    }

    String signed(JWTClaimsSet claims) {
        return signed(claims, h -> h);
    }

    String signed(JWTClaimsSet claims, UnaryOperator<JWSHeader.Builder> header) {
        SignedJWT jwt = new SignedJWT(header.apply(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(JOSEObjectType.JWT).keyID(keys.keyId())).build(), claims);
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    Optional<Rejection> check(String token) {
        return rules.check(token, now);
    }

    @Test
    void aWellFormedTokenOfOursPasses() {
        assertEquals(Optional.empty(), check(signed(claims().build())));
    }

    @Test
    void sizeAndSyntax() {
        assertEquals(Optional.of(Rejection.TOO_LARGE), check("a".repeat(TokenRules.MAX_TOKEN_LENGTH + 1)));
        assertEquals(Optional.of(Rejection.MALFORMED), check("not.a.jwt"));
        assertEquals(Optional.of(Rejection.MALFORMED), check("abc"));
    }

    @Test
    void onlyOurAlgorithmsAndTypeAreAllowed() throws Exception {
        assertEquals(Optional.of(Rejection.ALGORITHM), check(new PlainJWT(claims().build()).serialize()));
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                .keyID(keys.keyId()).build(), claims().build());
        hmac.sign(new MACSigner(keys.publicKeys().toString().getBytes()));
        assertEquals(Optional.of(Rejection.ALGORITHM), check(hmac.serialize()));
        assertEquals(Optional.of(Rejection.TYPE), check(signed(claims().build(), h -> h.type(new JOSEObjectType("at+jwt")))));
        assertEquals(Optional.of(Rejection.TYPE), check(signed(claims().build(), h -> h.type(null))));
    }

    @Test
    void keysTravelOnlyThroughOurKeyRing() throws Exception {
        ECKey attacker = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        SignedJWT embedded = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                .jwk(attacker.toPublicJWK()).keyID(attacker.getKeyID()).build(), claims().build());
        embedded.sign(new ECDSASigner(attacker));
        assertEquals(Optional.of(Rejection.FORBIDDEN_HEADER), check(embedded.serialize()));
        assertEquals(Optional.of(Rejection.FORBIDDEN_HEADER), check(signed(claims().build(), h -> h.jwkURL(URI.create("https://x.test/k")))));
        assertEquals(Optional.of(Rejection.FORBIDDEN_HEADER), check(signed(claims().build(), h -> h.x509CertURL(URI.create("https://x.test/c")))));
        assertEquals(Optional.of(Rejection.FORBIDDEN_HEADER), check(signed(claims().build(), h -> h.x509CertChain(List.of(Base64URL.encode("x"))))));
        assertEquals(Optional.of(Rejection.UNKNOWN_KEY), check(signed(claims().build(), h -> h.keyID("other"))));
        assertEquals(Optional.of(Rejection.UNKNOWN_KEY), check(signed(claims().build(), h -> h.keyID(null))));
    }

    @Test
    void issuerAudienceAndRequiredClaims() {
        assertEquals(Optional.of(Rejection.ISSUER), check(signed(claims().issuer("https://evil.test").build())));
        assertEquals(Optional.of(Rejection.AUDIENCE), check(signed(claims().audience("other").build())));
        assertEquals(Optional.of(Rejection.AUDIENCE), check(signed(claims().audience((String) null).build())));
        assertEquals(Optional.of(Rejection.MISSING_CLAIM), check(signed(claims().jwtID(null).build())));
        assertEquals(Optional.of(Rejection.MISSING_CLAIM), check(signed(claims().subject(null).build())));
        assertEquals(Optional.of(Rejection.MISSING_CLAIM), check(signed(claims().issueTime(null).build())));
        assertEquals(Optional.of(Rejection.MISSING_CLAIM), check(signed(claims().expirationTime(null).build())));
    }

    @Test
    void oneSpellingPerToken() {
        String token = signed(claims().build());
        String[] parts = token.split("\\.");
        assertEquals(Optional.empty(), check(token));
        assertEquals(Optional.of(Rejection.NON_CANONICAL), check(token + "="));
        assertEquals(Optional.of(Rejection.NON_CANONICAL), check(parts[0] + "=." + parts[1] + "." + parts[2]));
        assertEquals(Optional.of(Rejection.NON_CANONICAL), check(parts[0] + "." + parts[1] + "==." + parts[2]));
        // The same bytes with stray bits in the last character: decodes alike, spelled differently.
        String sig = parts[2];
        char last = sig.charAt(sig.length() - 1);
        String base64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sibling = base64url.charAt(base64url.indexOf(last) ^ 1);
        assertEquals(Optional.of(Rejection.NON_CANONICAL),
                check(parts[0] + "." + parts[1] + "." + sig.substring(0, sig.length() - 1) + sibling));
    }

    @Test
    void oneIdentityAndStrictClaimTypes() {
        assertEquals(Optional.empty(), check(signed(claims().claim("upn", "alice").claim("groups", List.of("user")).build())));
        assertEquals(Optional.of(Rejection.CLAIM_TYPE), check(signed(claims().claim("upn", "admin").build())));
        assertEquals(Optional.of(Rejection.CLAIM_TYPE), check(signed(claims().claim("upn", 7).build())));
        assertEquals(Optional.of(Rejection.CLAIM_TYPE), check(signed(claims().claim("sid", 12345).build())));
        assertEquals(Optional.of(Rejection.CLAIM_TYPE), check(signed(claims().claim("groups", "admin").build())));
        assertEquals(Optional.of(Rejection.CLAIM_TYPE), check(signed(claims().claim("groups", List.of("user", 1)).build())));
    }

    @Test
    void timeRulesAllowTheClockSkewAndNoMore() {
        assertEquals(Optional.of(Rejection.EXPIRED), check(signed(claims().expirationTime(Date.from(now.minusSeconds(31))).build())));
        assertEquals(Optional.empty(), check(signed(claims().expirationTime(Date.from(now.minusSeconds(29))).build())));
        assertEquals(Optional.of(Rejection.NOT_YET_VALID), check(signed(claims().notBeforeTime(Date.from(now.plusSeconds(31))).build())));
        assertEquals(Optional.empty(), check(signed(claims().notBeforeTime(Date.from(now.plusSeconds(29))).build())));
        assertEquals(Optional.of(Rejection.ISSUED_IN_FUTURE), check(signed(claims().issueTime(Date.from(now.plusSeconds(31))).build())));
        assertEquals(Optional.empty(), check(signed(claims().issueTime(Date.from(now.plusSeconds(29))).build())));
    }

    @Test
    void revokedTokensFamiliesAndSubjectsAreRefused() {
        revocations.jti = "j1";
        assertEquals(Optional.of(Rejection.REVOKED), check(signed(claims().build())));
        revocations.jti = null;
        revocations.family = "f1";
        assertEquals(Optional.of(Rejection.REVOKED), check(signed(claims().build())));
        assertEquals(Optional.empty(), check(signed(claims().claim("sid", "f2").build())));
    }

    /** Refuses exactly one jti and one family. */
    static final class FakeRevocations implements RevocationList {
        String jti;
        String family;

        @Override
        public void revokeToken(String jti, Instant tokenExpiry) {
            this.jti = jti;
        }

        @Override
        public void revokeFamily(String familyId, Instant until) {
            this.family = familyId;
        }

        @Override
        public void revokeSubjectBefore(String subject, Instant instant, Instant until) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isRevoked(String jti, String familyId, String subject, Instant issuedAt) {
            return jti.equals(this.jti) || (familyId != null && familyId.equals(family));
        }

        @Override
        public Instant issueTimeFor(String subject, Instant now) {
            return now;
        }
    }
}
