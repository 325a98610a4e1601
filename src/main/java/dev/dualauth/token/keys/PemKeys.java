package dev.dualauth.token.keys;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * PKCS#8 PEM private keys to key pairs and back. The public half is derived from the private key: for RSA
 * from its CRT parameters, for EC P-256 as d·G (Bouncy Castle's curve arithmetic), so a key file need not
 * carry it.
 */
public final class PemKeys {

    private PemKeys() {
    }

    public static KeyPair read(String pem) {
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            parsed = parser.readObject();
        } catch (IOException e) {
            throw new IllegalArgumentException("not a PEM file", e);
        }
        if (!(parsed instanceof PrivateKeyInfo info)) {
            throw new IllegalArgumentException("expected an unencrypted PKCS#8 private key (a PEM block labelled PRIVATE KEY)");
        }
        try {
            PrivateKey key = new JcaPEMKeyConverter().getPrivateKey(info);
            return new KeyPair(KeyFactory.getInstance(key.getAlgorithm()).generatePublic(publicSpec(key)), key);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("unreadable private key", e);
        }
    }

    /**
     * The public key of a PEM file that holds either a PKCS#8 private key or an X.509 public key
     * ({@code BEGIN PUBLIC KEY}): older keys that still verify may be kept without their private half.
     */
    public static PublicKey readPublic(String pem) {
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            parsed = parser.readObject();
        } catch (IOException e) {
            throw new IllegalArgumentException("not a PEM file", e);
        }
        if (parsed instanceof SubjectPublicKeyInfo info) {
            try {
                return new JcaPEMKeyConverter().getPublicKey(info);
            } catch (IOException e) {
                throw new IllegalArgumentException("unreadable public key", e);
            }
        }
        return read(pem).getPublic();
    }

    /** The key as unencrypted PKCS#8 PEM, written by Bouncy Castle. */
    public static String write(PrivateKey key) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(new JcaPKCS8Generator(key, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static java.security.spec.KeySpec publicSpec(PrivateKey key) {
        if (key instanceof RSAPrivateCrtKey rsa) {
            return new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent());
        }
        if (key instanceof ECPrivateKey ec) {
            ECParameterSpec params = ec.getParams();
            ECNamedCurveParameterSpec p256 = ECNamedCurveTable.getParameterSpec("secp256r1");
            if (!p256.getN().equals(params.getOrder())) {
                throw new IllegalArgumentException("EC keys must be on curve P-256");
            }
            org.bouncycastle.math.ec.ECPoint q = p256.getG().multiply(ec.getS()).normalize();
            BigInteger x = q.getAffineXCoord().toBigInteger();
            BigInteger y = q.getAffineYCoord().toBigInteger();
            return new ECPublicKeySpec(new ECPoint(x, y), params);
        }
        throw new IllegalArgumentException("unsupported key type " + key.getAlgorithm() + ": use EC P-256 or RSA");
    }
}
