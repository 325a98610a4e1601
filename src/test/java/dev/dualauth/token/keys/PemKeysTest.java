package dev.dualauth.token.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PemKeysTest {

    @Test
    void anEcKeyRoundTripsAndItsPublicPointIsDerived() {
        KeyPair pair = KeyRing.generate(JWSAlgorithm.ES256);
        String pem = PemKeys.write(pair.getPrivate());
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
        KeyPair read = PemKeys.read(pem);
        assertArrayEquals(pair.getPublic().getEncoded(), read.getPublic().getEncoded());
        assertArrayEquals(pair.getPrivate().getEncoded(), read.getPrivate().getEncoded());
    }

    @Test
    void anRsaKeyRoundTripsAndItsPublicKeyIsDerived() {
        KeyPair pair = KeyRing.generate(JWSAlgorithm.RS256);
        KeyPair read = PemKeys.read(PemKeys.write(pair.getPrivate()));
        assertArrayEquals(pair.getPublic().getEncoded(), read.getPublic().getEncoded());
    }

    @Test
    void ecKeysOnOtherCurvesAreRefused() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp384r1"));
        String pem = PemKeys.write(gen.generateKeyPair().getPrivate());
        assertThrows(IllegalArgumentException.class, () -> PemKeys.read(pem));
    }

    @Test
    void publicKeysAndGarbageAreRefused() {
        KeyPair pair = KeyRing.generate(JWSAlgorithm.ES256);
        String publicPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        assertThrows(IllegalArgumentException.class, () -> PemKeys.read(publicPem));
        assertThrows(IllegalArgumentException.class, () -> PemKeys.read("not a pem"));
        assertThrows(IllegalArgumentException.class, () -> PemKeys.read(""));
    }
}
