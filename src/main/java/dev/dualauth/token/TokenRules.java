package dev.dualauth.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.dualauth.revocation.RevocationList;
import dev.dualauth.token.keys.KeyRing;
import dev.dualauth.token.keys.TokenSettings;
import jakarta.json.JsonString;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The checks RFC 8725 and ASVS 5.0 ask for that the container's MP-JWT validation skips, applied to every
 * bearer token before the container verifies its signature: size, an allow-list of {@code alg} and
 * {@code typ}, no key-carrying headers ({@code jku}, {@code x5u}, {@code jwk}, {@code x5c}), a known
 * {@code kid}, required {@code aud}, {@code exp}, {@code iat}, {@code jti}, {@code sub}, no {@code nbf} or
 * {@code iat} in the future beyond the clock skew, and the revocation list. Rejecting before the signature
 * check is safe: these rules only ever refuse.
 */
public final class TokenRules {

    /** Our tokens are about 600 characters; anything near this size is not ours. */
    public static final int MAX_TOKEN_LENGTH = 4096;
    static final String TYPE_JWT = "JWT";
    static final String FAMILY_CLAIM = "sid";

    private final TokenSettings settings;
    private final KeyRing keys;
    private final RevocationList revocations;

    public TokenRules(TokenSettings settings, KeyRing keys, RevocationList revocations) {
        this.settings = settings;
        this.keys = keys;
        this.revocations = revocations;
    }

    /** The refresh family ({@code sid}) of a token the container accepted, or null. */
    public static String familyOf(JsonWebToken jwt) {
        Object family = jwt.getClaim(FAMILY_CLAIM);
        return family instanceof JsonString json ? json.getString() : family instanceof String s ? s : null;
    }

    /** Empty when the token may go on to the signature check; otherwise why not. */
    public Optional<Rejection> check(String token, Instant now) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            return Optional.of(Rejection.TOO_LARGE);
        }
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException e) {
            return Optional.of(Rejection.MALFORMED);
        }
        if (!(parsed instanceof SignedJWT jwt)) {
            return Optional.of(Rejection.ALGORITHM); // alg "none" or an encrypted token
        }
        Optional<Rejection> header = header(jwt.getHeader());
        if (header.isPresent()) {
            return header;
        }
        try {
            return claims(jwt.getJWTClaimsSet(), now);
        } catch (ParseException e) {
            return Optional.of(Rejection.MALFORMED);
        }
    }

    private Optional<Rejection> header(JWSHeader header) {
        if (header.getJWKURL() != null || header.getX509CertURL() != null || header.getJWK() != null
                || header.getX509CertChain() != null || header.getCriticalParams() != null) {
            return Optional.of(Rejection.FORBIDDEN_HEADER);
        }
        JWSAlgorithm alg = header.getAlgorithm();
        if (!JWSAlgorithm.ES256.equals(alg) && !JWSAlgorithm.RS256.equals(alg)) {
            return Optional.of(Rejection.ALGORITHM);
        }
        if (header.getType() == null || !TYPE_JWT.equals(header.getType().getType())) {
            return Optional.of(Rejection.TYPE);
        }
        Optional<JWK> key = keys.verificationKey(header.getKeyID());
        if (key.isEmpty()) {
            return Optional.of(Rejection.UNKNOWN_KEY);
        }
        if (!alg.equals(key.get().getAlgorithm())) {
            return Optional.of(Rejection.ALGORITHM);
        }
        return Optional.empty();
    }

    private Optional<Rejection> claims(JWTClaimsSet claims, Instant now) {
        Duration skew = settings.clockSkew();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || iat == null || claims.getJWTID() == null || claims.getSubject() == null) {
            return Optional.of(Rejection.MISSING_CLAIM);
        }
        if (!settings.issuer().equals(claims.getIssuer())) {
            return Optional.of(Rejection.ISSUER);
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(settings.audience())) {
            return Optional.of(Rejection.AUDIENCE);
        }
        if (!now.minus(skew).isBefore(exp.toInstant())) {
            return Optional.of(Rejection.EXPIRED);
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(skew))) {
            return Optional.of(Rejection.NOT_YET_VALID);
        }
        if (iat.toInstant().isAfter(now.plus(skew))) {
            return Optional.of(Rejection.ISSUED_IN_FUTURE);
        }
        Object family = claims.getClaim(FAMILY_CLAIM);
        if (revocations.isRevoked(claims.getJWTID(), family instanceof String s ? s : null,
                claims.getSubject(), iat.toInstant())) {
            return Optional.of(Rejection.REVOKED);
        }
        return Optional.empty();
    }
}
