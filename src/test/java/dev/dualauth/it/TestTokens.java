package dev.dualauth.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.dualauth.token.keys.PemKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Mints tokens for the tests. "Ours" are signed with the key the server generated for this run in its
 * (freshly emptied) data dir; "foreign" ones with a key made here for this run only.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:8080";
    public static final String AUDIENCE = "dualauth-api";

    private static final ECKey FOREIGN = generate();

    private TestTokens() {
    }

    /** The server's keys dir, under the data dir the build gave it. */
    public static Path keysDir() {
        return Path.of(System.getProperty("dualauth.it.data-dir", "target/it-data"), "keys");
    }

    /** The server's signing key, which it generated in its keys dir. */
    public static ECKey serverKey() {
        return ecKey(keysDir().resolve("jwt-signing-es256.pem"));
    }

    /** An EC P-256 key from a PKCS#8 PEM file, with its thumbprint as key id (as the server names it). */
    public static ECKey ecKey(Path pem) {
        try {
            KeyPair pair = PemKeys.read(Files.readString(pem));
            ECKey key = new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic())
                    .privateKey((ECPrivateKey) pair.getPrivate()).algorithm(JWSAlgorithm.ES256).build();
            return new ECKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException("cannot read the key " + pem, e);
        }
    }

    public static ECKey foreignKey() {
        return FOREIGN;
    }

    /** Claims as the server issues them for alice, valid now for five minutes. */
    public static JWTClaimsSet.Builder aliceClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("alice")
                .claim("upn", "alice")
                .claim("groups", List.of("user"))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    public static String sign(ECKey key, JWTClaimsSet claims) {
        return sign(key, claims, h -> h);
    }

    public static String sign(ECKey key, JWTClaimsSet claims, UnaryOperator<JWSHeader.Builder> header) {
        JWSHeader.Builder builder = new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).keyID(key.getKeyID());
        SignedJWT jwt = new SignedJWT(header.apply(builder).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The classic confusion attack: HS256 whose HMAC secret is the server's public key. */
    public static String hmacWithPublicKey(ECKey server, JWTClaimsSet claims) {
        try {
            byte[] secret = server.toPublicJWK().toJSONString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                    .keyID(server.getKeyID()).build(), claims);
            jwt.sign(new com.nimbusds.jose.crypto.MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
