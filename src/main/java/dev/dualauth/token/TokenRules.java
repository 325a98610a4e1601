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
import java.util.Base64;
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
 *
 * <p>One spelling per token: each part must be canonical base64url (no padding, no stray bits in the last
 * character), so that a token cannot be re-encoded into many accepted strings. One identity per token:
 * {@code sub} names the caller, and {@code upn} (which the container reads first) must be the same string;
 * {@code sid} must be a string and {@code groups} an array of strings, or the token is refused.
 */
public final class TokenRules {

    /** Our tokens are about 600 characters; anything near this size is not ours. */
    public static final int MAX_TOKEN_LENGTH = 4096;
    static final String TYPE_JWT = "JWT";
    static final String FAMILY_CLAIM = "sid";
    static final String UPN_CLAIM = "upn";
    static final String GROUPS_CLAIM = "groups";
    private static final Base64.Encoder URL_ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

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
        if (!isCanonical(token)) {
            return Optional.of(Rejection.NON_CANONICAL);
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
        Object upn = claims.getClaim(UPN_CLAIM);
        Object groups = claims.getClaim(GROUPS_CLAIM);
        if ((family != null && !(family instanceof String)) || (upn != null && !claims.getSubject().equals(upn))
                || (groups != null && !(groups instanceof List<?> list && list.stream().allMatch(String.class::isInstance)))) {
            return Optional.of(Rejection.CLAIM_TYPE);
        }
        if (revocations.isRevoked(claims.getJWTID(), (String) family, claims.getSubject(), iat.toInstant())) {
            return Optional.of(Rejection.REVOKED);
        }
        return Optional.empty();
    }

    /** Three (or, unsigned, two) parts of canonical base64url: what decoding and encoding again gives back. */
    static boolean isCanonical(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return true; // not a JWS: the parser refuses it
        }
        for (String part : parts) {
            try {
                if (!URL_ENCODER.encodeToString(URL_DECODER.decode(part)).equals(part)) {
                    return false;
                }
            } catch (IllegalArgumentException e) {
                return false; // padding inside, or characters outside base64url
            }
        }
        return true;
    }
}
