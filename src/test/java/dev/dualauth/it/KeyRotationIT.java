package dev.dualauth.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import dev.dualauth.it.suite.OwnServer;
import dev.dualauth.token.keys.PemKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.text.ParseException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Key rotation as the README describes it for generated keys: the active key is moved to
 * {@code keys/previous/} and the server restarted. The new key signs; tokens of the old one stay valid.
 */
@OwnServer("the rotation is read when the application starts")
class KeyRotationIT extends ServerIT {

    private static ECKey previous;

    /** Runs before this class's server starts: the rotation step itself. */
    @Deployment(testable = false)
    static WebArchive war() {
        previous = rotateGeneratedKey();
        return Deployments.packagedWar();
    }

    @Test
    void newTokensAreSignedWithTheNewKey() throws ParseException {
        String kid = SignedJWT.parse(client.token(Personas.ALICE)).getHeader().getKeyID();
        assertNotEquals(previous.getKeyID(), kid);
        assertEquals(TestTokens.serverKey().getKeyID(), kid);
    }

    @Test
    void tokensOfThePreviousKeyStayValidUntilTheyExpire() {
        client.bearer(TestTokens.sign(previous, TestTokens.aliceClaims().build())).get("/api/me")
                .then().statusCode(200).body("name", equalTo("alice"));
    }

    @Test
    void theJwksPublishesBothKeysTheActiveOneFirst() {
        client.request().get("/.well-known/jwks.json")
                .then().statusCode(200)
                .body("keys.kid", hasItems(previous.getKeyID(), TestTokens.serverKey().getKeyID()))
                .body("keys[0].kid", equalTo(TestTokens.serverKey().getKeyID()));
    }

    private static ECKey rotateGeneratedKey() {
        Path keys = TestTokens.keysDir();
        Path active = keys.resolve("jwt-signing-es256.pem");
        Path retired = keys.resolve("previous").resolve("rotated-" + System.currentTimeMillis() + ".pem");
        try {
            Files.createDirectories(retired.getParent());
            if (Files.exists(active)) {
                Files.move(active, retired, StandardCopyOption.ATOMIC_MOVE);
            } else {
                KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
                gen.initialize(new ECGenParameterSpec("secp256r1"));
                Files.writeString(retired, PemKeys.write(gen.generateKeyPair().getPrivate()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return TestTokens.ecKey(retired);
    }
}
