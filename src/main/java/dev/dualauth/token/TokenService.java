package dev.dualauth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.dualauth.account.AccountService;
import dev.dualauth.account.CredentialsRevoked;
import dev.dualauth.revocation.RevocationList;
import dev.dualauth.token.keys.KeyRing;
import dev.dualauth.token.keys.TokenSettings;
import dev.dualauth.token.refresh.RefreshTokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The token lifecycle: grants (password, refresh with rotation and reuse detection) and every way a token
 * stops working early — {@code /auth/revoke}, {@code /api/logout}, and account events (password change,
 * logout everywhere, account disabled).
 */
@ApplicationScoped
public class TokenService {

    private static final Logger LOG = Logger.getLogger(TokenService.class.getName());

    /** Access and refresh token of a successful grant. */
    public record Grant(TokenIssuer.AccessToken access, String refreshToken) {
        @Override
        public String toString() {
            return "Grant[expiresIn=" + access.expiresIn() + "]";
        }
    }

    @Inject
    TokenIssuer issuer;

    @Inject
    RefreshTokenStore refreshTokens;

    @Inject
    RevocationList revocations;

    @Inject
    AccountService accounts;

    @Inject
    TokenSettings settings;

    public Grant passwordGrant(String username, Set<String> groups) {
        RefreshTokenStore.Started family = refreshTokens.start(username);
        return new Grant(issuer.issue(username, groups, family.familyId()), family.refreshToken());
    }

    /** The next grant of a refresh family, or empty for {@code invalid_grant}. */
    public Optional<Grant> refreshGrant(String presented) {
        RefreshTokenStore.Rotation rotation = refreshTokens.rotate(presented);
        if (rotation instanceof RefreshTokenStore.Rotation.Reused reused) {
            revocations.revokeFamily(reused.familyId(), accessTokensEnd());
            LOG.warning(() -> "A spent refresh token was presented again: family " + reused.familyId()
                    + " of user " + reused.username() + " is revoked (possible token theft)");
            return Optional.empty();
        }
        if (!(rotation instanceof RefreshTokenStore.Rotation.Rotated rotated)) {
            return Optional.empty();
        }
        Optional<Set<String>> roles = accounts.rolesIfEnabled(rotated.username());
        if (roles.isEmpty()) {
            refreshTokens.revokeFamily(rotated.familyId());
            return Optional.empty();
        }
        return Optional.of(new Grant(issuer.issue(rotated.username(), roles.get(), rotated.familyId()),
                rotated.refreshToken()));
    }

    /**
     * RFC 7009: an access token (only if we signed it) stops working; a refresh token ends its family and
     * the access tokens issued from it. Unknown tokens are ignored.
     */
    public void revoke(String token) {
        if (token.length() > TokenRules.MAX_TOKEN_LENGTH) {
            return;
        }
        if (token.chars().filter(c -> c == '.').count() == 2) {
            verifiedClaims(token).ifPresent(claims -> revokeAccessToken(claims.getJWTID(),
                    claims.getExpirationTime().toInstant()));
            return;
        }
        String familyId = refreshTokens.revokeFamilyOf(token);
        if (familyId != null) {
            revocations.revokeFamily(familyId, accessTokensEnd());
        }
    }

    /** {@code /api/logout}: the presented access token and its refresh family. */
    public void logout(String jti, Instant expiry, String familyId) {
        revokeAccessToken(jti, expiry);
        if (familyId != null) {
            refreshTokens.revokeFamily(familyId);
            revocations.revokeFamily(familyId, accessTokensEnd());
        }
    }

    void onCredentialsRevoked(@Observes CredentialsRevoked event) {
        revocations.revokeSubjectBefore(event.username(), event.at(), accessTokensEnd());
        for (String familyId : refreshTokens.revokeAllOf(event.username())) {
            revocations.revokeFamily(familyId, accessTokensEnd());
        }
    }

    private void revokeAccessToken(String jti, Instant expiry) {
        if (jti != null && expiry != null) {
            revocations.revokeToken(jti, expiry.plus(settings.clockSkew()));
        }
    }

    /** When every access token issued until now has expired. */
    private Instant accessTokensEnd() {
        return Instant.now().plus(settings.accessTokenTtl()).plus(settings.clockSkew()).plusSeconds(1);
    }

    private Optional<JWTClaimsSet> verifiedClaims(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            Optional<JWK> key = KeyRing.current().verificationKey(jwt.getHeader().getKeyID());
            if (key.isEmpty() || !jwt.getHeader().getAlgorithm().equals(key.get().getAlgorithm())) {
                return Optional.empty();
            }
            var verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(),
                    ((AsymmetricJWK) key.get()).toPublicKey());
            return jwt.verify(verifier) ? Optional.of(jwt.getJWTClaimsSet()) : Optional.empty();
        } catch (ParseException | JOSEException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
