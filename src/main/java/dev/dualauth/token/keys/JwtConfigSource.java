package dev.dualauth.token.keys;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.jwt.config.Names;

/**
 * Derives the container's {@code mp.jwt.verify.*} settings from {@code dualauth.jwt.*}: the accepted issuer
 * and audience, the clock skew, and the public key set of the {@link KeyRing}. Its ordinal is above the usual sources so
 * that a stray {@code mp.jwt.verify.*} value cannot make verification disagree with issuing.
 */
public class JwtConfigSource implements ConfigSource {

    static final int ORDINAL = 1000;

    private static final Map<String, Function<TokenSettings, String>> DERIVED = Map.of(
            Names.ISSUER, TokenSettings::issuer,
            Names.AUDIENCES, TokenSettings::audience,
            Names.VERIFIER_PUBLIC_KEY_ALGORITHM, s -> s.algorithm().getName(),
            Names.CLOCK_SKEW, s -> String.valueOf(s.clockSkew().toSeconds()),
            Names.VERIFIER_PUBLIC_KEY, s -> KeyRing.current().publicKeys().toString());

    @Override
    public Set<String> getPropertyNames() {
        return DERIVED.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        Function<TokenSettings, String> derive = DERIVED.get(propertyName);
        if (derive == null) {
            return null;
        }
        return derive.apply(TokenSettings.current());
    }

    @Override
    public String getName() {
        return "dualauth-derived-mp-jwt";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
