package dev.dualauth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.dualauth.account.AccountService;
import dev.dualauth.account.CredentialsRevoked;
import dev.dualauth.account.VerifiedLogin;
import dev.dualauth.revocation.RevocationList;
import dev.dualauth.security.SecurityLog;
import dev.dualauth.token.code.AuthorizationCodeStore;
import dev.dualauth.token.code.AuthorizationCodeStore.Redemption;
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

/**
 * The token lifecycle: grants (authorization code, password, refresh with rotation and reuse detection —
 * of refresh tokens and of codes) and every way a token
 * stops working early — {@code /auth/revoke}, {@code /api/logout}, and account events (password change,
 * logout everywhere, account disabled).
 */
@ApplicationScoped
public class TokenService {

    private static final SecurityLog LOG = new SecurityLog(TokenService.class);

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
    AuthorizationCodeStore codes;

    @Inject
    TokenSettings settings;

    /**
     * Tokens for a password login, or empty when the credentials it verified changed meanwhile (a password
     * change or a disable during the hashing: {@link VerifiedLogin}). The family is stored (committed)
     * before that question, so a change that lands after it finds the family and revokes it, with the
     * access token issued from it.
     */
    public Optional<Grant> passwordGrant(String username, Set<String> groups, Optional<VerifiedLogin> verified) {
        RefreshTokenStore.Started family = startFamily(username);
        if (!accounts.stillAsVerified(verified)) {
            endFamily(family.familyId());
            return Optional.empty();
        }
        return Optional.of(new Grant(issuer.issue(username, groups, family.familyId()), family.refreshToken()));
    }

    /**
     * Redeems an authorization code (RFC 6749 §4.1.3 with PKCE): a new refresh family for its user, or
     * empty for {@code invalid_grant}. A code presented again revokes the family it started and that
     * family's access tokens (§4.1.2), whichever of the two presentations started it.
     */
    public Optional<Grant> authorizationCodeGrant(String code, String clientId, String redirectUri, String verifier) {
        Redemption redemption = codes.redeem(code, clientId, redirectUri, verifier);
        if (redemption instanceof Redemption.Replayed replayed) {
            if (replayed.familyId() != null) {
                endFamily(replayed.familyId());
            }
            LOG.warning("code-replay", () -> "An authorization code was presented again: what it issued to user "
                    + replayed.username() + " is revoked (possible code theft)");
            return Optional.empty();
        }
        if (!(redemption instanceof Redemption.Redeemed redeemed)) {
            return Optional.empty();
        }
        Optional<Set<String>> roles = accounts.rolesIfEnabled(redeemed.username());
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        RefreshTokenStore.Started family = startFamily(redeemed.username());
        if (!codes.linkFamily(redeemed.codeId(), family.familyId())) {
            endFamily(family.familyId()); // replayed while the family started: nothing is handed out
            return Optional.empty();
        }
        return Optional.of(new Grant(issuer.issue(redeemed.username(), roles.get(), family.familyId()),
                family.refreshToken()));
    }

    /** The next grant of a refresh family, or empty for {@code invalid_grant}. */
    public Optional<Grant> refreshGrant(String presented) {
        RefreshTokenStore.Rotation rotation = refreshTokens.rotate(presented);
        if (rotation instanceof RefreshTokenStore.Rotation.Reused reused) {
            revocations.revokeFamily(reused.familyId(), accessTokensEnd());
            LOG.warning("refresh-reuse", () -> "A spent refresh token was presented again: family " + reused.familyId()
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
            endFamily(familyId);
        }
    }

    /** A new refresh family; the user's families it evicted end with their access tokens. */
    private RefreshTokenStore.Started startFamily(String username) {
        RefreshTokenStore.Started family = refreshTokens.start(username);
        family.evictedFamilies().forEach(id -> revocations.revokeFamily(id, accessTokensEnd()));
        return family;
    }

    /** A refresh family and the access tokens issued from it stop working. */
    private void endFamily(String familyId) {
        refreshTokens.revokeFamily(familyId);
        revocations.revokeFamily(familyId, accessTokensEnd());
    }

    void onCredentialsRevoked(@Observes CredentialsRevoked event) {
        codes.spendAllOf(event.username());
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
