package dev.dualauth.token.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The key that signs access tokens and the public keys that verify them.
 *
 * <p>The signing key comes from {@code dualauth.jwt.signing-key}; without it a key is generated once and
 * kept under the data dir. Tokens signed by older keys keep verifying while those keys are listed in
 * {@code dualauth.jwt.verification-keys} or lie in {@code <data-dir>/keys/previous/}: that is how keys
 * rotate without invalidating tokens in flight (see the README).
 *
 * <p>One instance per deployment, shared by the token issuer, the JWKS endpoint, the token gate and the
 * MicroProfile JWT settings ({@link JwtConfigSource}), which the container may read before any CDI bean
 * exists.
 */
public final class KeyRing {

    private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());
    private static final int GENERATED_RSA_BITS = 3072;
    private static final int MIN_RSA_BITS = 2048;
    static final String PREVIOUS_DIR = "previous";

    private static volatile KeyRing current;

    private final JWK signingKey;
    private final JWSSigner signer;
    private final Map<String, JWK> verificationKeys;
    private final JWKSet publicKeys;

    private KeyRing(JWK signingKey, List<JWK> older) throws JOSEException {
        this.signingKey = signingKey;
        this.signer = signingKey instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) signingKey);
        Map<String, JWK> byKid = new LinkedHashMap<>();
        byKid.put(signingKey.getKeyID(), signingKey.toPublicJWK());
        older.forEach(k -> byKid.putIfAbsent(k.getKeyID(), k.toPublicJWK()));
        this.verificationKeys = Map.copyOf(byKid);
        this.publicKeys = new JWKSet(new ArrayList<>(byKid.values()));
    }

    /** The deployment's key ring, loaded (or generated) on first use from the MicroProfile Config settings. */
    public static KeyRing current() {
        KeyRing ring = current;
        if (ring == null) {
            synchronized (KeyRing.class) {
                ring = current;
                if (ring == null) {
                    ring = load(TokenSettings.current());
                    current = ring;
                }
            }
        }
        return ring;
    }

    public static KeyRing load(TokenSettings settings) {
        JWSAlgorithm alg = settings.algorithm();
        try {
            KeyPair pair = settings.signingKey().isPresent()
                    ? readConfigured(settings.signingKey().get())
                    : generatedUnder(settings.dataDir(), alg);
            List<JWK> older = new ArrayList<>();
            for (Path file : settings.verificationKeys()) {
                older.add(verificationJwk(file));
            }
            older.addAll(previousUnder(settings.dataDir()));
            return new KeyRing(toJwk(pair, alg), older);
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException("cannot load the token signing key: " + e.getMessage(), e);
        }
    }

    public JWSAlgorithm algorithm() {
        return (JWSAlgorithm) signingKey.getAlgorithm();
    }

    public String keyId() {
        return signingKey.getKeyID();
    }

    public JWSSigner signer() {
        return signer;
    }

    /** A public key that verifies tokens, by key id: the signing key's or an older one's. */
    public Optional<JWK> verificationKey(String kid) {
        return kid == null ? Optional.empty() : Optional.ofNullable(verificationKeys.get(kid));
    }

    /** Public parameters only: the signing key first, then older keys that still verify. */
    public JWKSet publicKeys() {
        return publicKeys;
    }

    private static KeyPair readConfigured(Path file) throws IOException {
        try {
            return PemKeys.read(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IOException(TokenSettings.SIGNING_KEY + " (" + file + "): " + e.getMessage(), e);
        }
    }

    private static JWK verificationJwk(Path file) throws IOException, JOSEException {
        PublicKey key;
        try {
            key = PemKeys.readPublic(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IOException(TokenSettings.VERIFICATION_KEYS + " (" + file + "): " + e.getMessage(), e);
        }
        JWK jwk = key instanceof ECPublicKey ec
                ? new ECKey.Builder(Curve.P_256, checkedP256(ec, file)).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).build()
                : new RSAKey.Builder(checkedRsa(key, file)).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
        return withThumbprintKid(jwk);
    }

    /** ES256 means P-256 (RFC 7518 §3.4); a key on another curve is refused here, naming its file. */
    private static ECPublicKey checkedP256(ECPublicKey key, Path file) throws IOException {
        if (!Curve.P_256.equals(Curve.forECParameterSpec(key.getParams()))) {
            throw new IOException(TokenSettings.VERIFICATION_KEYS + " (" + file + "): EC verification keys must be on curve P-256");
        }
        return key;
    }

    private static RSAPublicKey checkedRsa(PublicKey key, Path file) throws JOSEException {
        if (!(key instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new JOSEException(file + ": verification keys must be EC P-256 or RSA of at least " + MIN_RSA_BITS + " bits");
        }
        return rsa;
    }

    private static List<JWK> previousUnder(Path dataDir) throws IOException, JOSEException {
        Path dir = dataDir.resolve("keys").resolve(PREVIOUS_DIR);
        List<JWK> keys = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return keys;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.pem")) {
            for (Path file : files) {
                keys.add(verificationJwk(file));
            }
        }
        return keys;
    }

    private static KeyPair generatedUnder(Path dataDir, JWSAlgorithm alg) throws IOException {
        Path file = dataDir.resolve("keys").resolve("jwt-signing-" + alg.getName().toLowerCase() + ".pem");
        if (!Files.exists(file)) {
            writeNew(file, generate(alg));
        }
        LOG.warning(() -> "No " + TokenSettings.SIGNING_KEY + " configured: tokens are signed with a generated "
                + alg + " key kept at " + file.toAbsolutePath().normalize()
                + ". Configure a managed key for production.");
        return readConfigured(file);
    }

    /** Writes the key atomically; if another process or thread won the race, its key is kept. */
    private static void writeNew(Path file, KeyPair pair) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "key", ".tmp");
        try {
            restrictToOwner(tmp);
            Files.writeString(tmp, PemKeys.write(pair.getPrivate()), StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            // keep the existing key
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the file system's own access rules apply
        }
    }

    static KeyPair generate(JWSAlgorithm alg) {
        try {
            if (JWSAlgorithm.ES256.equals(alg)) {
                KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
                gen.initialize(new ECGenParameterSpec("secp256r1"));
                return gen.generateKeyPair();
            }
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(GENERATED_RSA_BITS);
            return gen.generateKeyPair();
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("the JDK cannot generate " + alg + " keys", e);
        }
    }

    static JWK toJwk(KeyPair pair, JWSAlgorithm alg) throws JOSEException {
        JWK jwk;
        if (JWSAlgorithm.ES256.equals(alg)) {
            if (!(pair.getPublic() instanceof ECPublicKey pub)) {
                throw new JOSEException(alg + " needs an EC P-256 key");
            }
            jwk = new ECKey.Builder(Curve.P_256, pub).privateKey((ECPrivateKey) pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE).algorithm(alg).build();
        } else {
            if (!(pair.getPublic() instanceof RSAPublicKey pub) || pub.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new JOSEException(alg + " needs an RSA key of at least " + MIN_RSA_BITS + " bits");
            }
            jwk = new RSAKey.Builder(pub).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE).algorithm(alg).build();
        }
        return withThumbprintKid(jwk);
    }

    private static JWK withThumbprintKid(JWK jwk) throws JOSEException {
        String kid = jwk.computeThumbprint().toString();
        return jwk instanceof ECKey ec ? new ECKey.Builder(ec).keyID(kid).build()
                : new RSAKey.Builder((RSAKey) jwk).keyID(kid).build();
    }
}
