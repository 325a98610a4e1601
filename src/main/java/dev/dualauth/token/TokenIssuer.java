package dev.dualauth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.dualauth.revocation.RevocationList;
import dev.dualauth.token.keys.KeyRing;
import dev.dualauth.token.keys.TokenSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Signs access tokens with the {@link KeyRing}'s key and the MP-JWT claims the container expects. */
@ApplicationScoped
public class TokenIssuer {

    @Inject
    RevocationList revocations;

    @Inject
    TokenSettings settings;

    private KeyRing keys;
    private JWSHeader header;

    @PostConstruct
    void init() {
        keys = KeyRing.current();
        header = new JWSHeader.Builder(keys.algorithm()).type(JOSEObjectType.JWT).keyID(keys.keyId()).build();
    }

    /**
     * A signed access token for {@code username}, tied to its refresh family ({@code sid}). Its {@code iat}
     * lies after any earlier revocation of the user, so that a fresh login is never caught by it.
     */
    public AccessToken issue(String username, Set<String> groups, String familyId) {
        Instant now = revocations.issueTimeFor(username, Instant.now());
        Instant expires = now.plus(settings.accessTokenTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(username)
                .claim("upn", username)
                .claim("groups", new ArrayList<>(new TreeSet<>(groups)))
                .jwtID(UUID.randomUUID().toString())
                .claim(TokenRules.FAMILY_CLAIM, familyId)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return new AccessToken(jwt.serialize(), settings.accessTokenTtl().toSeconds());
    }

    /** A signed token and its lifetime in seconds. */
    public record AccessToken(String value, long expiresIn) {

        @Override
        public String toString() {
            return "AccessToken[expiresIn=" + expiresIn + "]";
        }
    }
}
