package dev.dualauth.token.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTest {

    @TempDir
    Path dir;

    private TokenSettings settings(JWSAlgorithm alg, Optional<Path> key) {
        return new TokenSettings("https://issuer.test", "aud", alg, Duration.ofMinutes(5), key, List.of(),
                Duration.ofSeconds(30), 1000, dir);
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceAndKeptPrivate() throws Exception {
        KeyRing first = KeyRing.load(settings(JWSAlgorithm.ES256, Optional.empty()));
        KeyRing second = KeyRing.load(settings(JWSAlgorithm.ES256, Optional.empty()));
        assertEquals(first.keyId(), second.keyId());
        Path file = dir.resolve("keys/jwt-signing-es256.pem");
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void theKeyIdIsTheJwkThumbprintAndTheJwksHasNoPrivateParameters() throws Exception {
        KeyRing ring = KeyRing.load(settings(JWSAlgorithm.ES256, Optional.empty()));
        ECKey published = (ECKey) ring.publicKeys().getKeyByKeyId(ring.keyId());
        assertEquals(published.computeThumbprint().toString(), ring.keyId());
        assertFalse(published.isPrivate());
        assertFalse(ring.publicKeys().toString().contains("\"d\""));
    }

    @Test
    void aConfiguredRsaKeyIsUsedAndVerifiesWithThePublishedKey() throws Exception {
        Path pem = dir.resolve("rsa.pem");
        Files.writeString(pem, PemKeys.write(KeyRing.generate(JWSAlgorithm.RS256).getPrivate()));
        KeyRing ring = KeyRing.load(settings(JWSAlgorithm.RS256, Optional.of(pem)));
        assertEquals(JWSAlgorithm.RS256, ring.algorithm());
        assertFalse(Files.exists(dir.resolve("keys")), "no key is generated when one is configured");
        byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);
        JWSHeader header = new JWSHeader(JWSAlgorithm.RS256);
        Base64URL signature = ring.signer().sign(header, input);
        RSAKey published = (RSAKey) ring.publicKeys().getKeyByKeyId(ring.keyId());
        assertTrue(new RSASSAVerifier(published).verify(header, input, signature));
    }

    @Test
    void anEcKeySignsAndVerifies() throws Exception {
        KeyRing ring = KeyRing.load(settings(JWSAlgorithm.ES256, Optional.empty()));
        byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);
        JWSHeader header = new JWSHeader(JWSAlgorithm.ES256);
        Base64URL signature = ring.signer().sign(header, input);
        ECKey published = (ECKey) ring.publicKeys().getKeyByKeyId(ring.keyId());
        assertTrue(new ECDSAVerifier(published).verify(header, input, signature));
    }

    @Test
    void keysThatDoNotFitTheAlgorithmAreRefused() throws Exception {
        Path ec = dir.resolve("ec.pem");
        Files.writeString(ec, PemKeys.write(KeyRing.generate(JWSAlgorithm.ES256).getPrivate()));
        assertThrows(IllegalStateException.class, () -> KeyRing.load(settings(JWSAlgorithm.RS256, Optional.of(ec))));

        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(1024);
        Path weak = dir.resolve("weak.pem");
        Files.writeString(weak, PemKeys.write(gen.generateKeyPair().getPrivate()));
        assertThrows(IllegalStateException.class, () -> KeyRing.load(settings(JWSAlgorithm.RS256, Optional.of(weak))));
        assertThrows(IllegalStateException.class, () -> KeyRing.load(settings(JWSAlgorithm.ES256, Optional.of(weak))));
    }

    @Test
    void anEcVerificationKeyOnAnotherCurveIsRefusedNamingTheSettingAndTheFile() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp384r1"));
        Path p384 = dir.resolve("p384-public.pem");
        Files.writeString(p384, "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(gen.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        TokenSettings withP384 = new TokenSettings("https://issuer.test", "aud", JWSAlgorithm.ES256,
                Duration.ofMinutes(5), Optional.empty(), List.of(p384), Duration.ofSeconds(30), 1000, dir);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KeyRing.load(withP384));
        assertTrue(e.getMessage().contains(TokenSettings.VERIFICATION_KEYS), e.getMessage());
        assertTrue(e.getMessage().contains("p384-public.pem"), e.getMessage());
        assertTrue(e.getMessage().contains("P-256"), e.getMessage());
    }

    @Test
    void aMissingConfiguredKeyFailsClearly() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KeyRing.load(settings(JWSAlgorithm.ES256, Optional.of(dir.resolve("absent.pem")))));
        assertTrue(e.getMessage().contains("signing key"), e.getMessage());
    }

    @Test
    void olderKeysVerifyButNeverSign() throws Exception {
        KeyRing before = KeyRing.load(settings(JWSAlgorithm.ES256, Optional.empty()));
        Path keys = dir.resolve("keys");
        Files.createDirectories(keys.resolve("previous"));
        Files.move(keys.resolve("jwt-signing-es256.pem"), keys.resolve("previous/old.pem"));
        java.security.KeyPair configuredOld = KeyRing.generate(JWSAlgorithm.RS256);
        Path publicOnly = dir.resolve("old-public.pem");
        Files.writeString(publicOnly, "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(configuredOld.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");

        KeyRing after = KeyRing.load(new TokenSettings("https://issuer.test", "aud", JWSAlgorithm.ES256,
                Duration.ofMinutes(5), Optional.empty(), List.of(publicOnly), Duration.ofSeconds(30),
                1000, dir));

        assertNotEquals(before.keyId(), after.keyId());
        assertTrue(after.verificationKey(before.keyId()).isPresent());
        assertEquals(JWSAlgorithm.RS256, after.verificationKey(
                ((RSAKey) after.publicKeys().getKeys().get(1)).getKeyID()).get().getAlgorithm());
        assertEquals(3, after.publicKeys().getKeys().size());
        assertEquals(after.keyId(), after.publicKeys().getKeys().get(0).getKeyID());
        assertFalse(after.publicKeys().toString().contains("\"d\""));
    }

    @Test
    void differentAlgorithmsGetDifferentGeneratedKeys() {
        KeyRing es = KeyRing.load(settings(JWSAlgorithm.ES256, Optional.empty()));
        KeyRing rs = KeyRing.load(settings(JWSAlgorithm.RS256, Optional.empty()));
        assertNotEquals(es.keyId(), rs.keyId());
    }
}
