package dev.dualauth.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import dev.dualauth.account.AccountSettings;
import dev.dualauth.session.SessionSettings;
import dev.dualauth.token.keys.TokenSettings;
import dev.dualauth.token.refresh.RefreshSettings;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/**
 * The defaults are written once, in {@code META-INF/microprofile-config.properties}: every settings
 * record builds from that file alone, and every key a record reads is listed there (set, or commented
 * out when it has no default).
 */
class SettingsTest {

    static final String FILE = "/META-INF/microprofile-config.properties";

    static String text() throws IOException {
        try (InputStream in = SettingsTest.class.getResourceAsStream(FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A MicroProfile Config backed by the application's properties file only. */
    static Config defaults() throws IOException {
        Properties props = new Properties();
        props.load(new java.io.StringReader(text()));
        return (Config) Proxy.newProxyInstance(SettingsTest.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getValue" -> convert(Optional.ofNullable(props.getProperty((String) args[0]))
                            .orElseThrow(() -> new NoSuchElementException((String) args[0])), (Class<?>) args[1]);
                    case "getOptionalValue" -> Optional.ofNullable(props.getProperty((String) args[0]))
                            .map(v -> convert(v, (Class<?>) args[1]));
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    static Object convert(String value, Class<?> type) {
        if (type == Integer.class) {
            return Integer.valueOf(value.strip());
        }
        if (type == Boolean.class) {
            return Boolean.valueOf(value.strip());
        }
        return value;
    }

    @Test
    void everySettingsRecordBuildsFromTheDefaultsFileAlone() throws IOException {
        Config config = defaults();
        TokenSettings token = TokenSettings.from(config);
        assertEquals("http://localhost:8080", token.issuer());
        assertEquals(JWSAlgorithm.ES256, token.algorithm());
        assertEquals(Duration.ofSeconds(30), token.clockSkew());
        assertEquals(10_000, token.verifiedCacheSize());
        assertEquals(Path.of("./data"), token.dataDir());
        assertEquals(Optional.empty(), token.signingKey());
        assertEquals(List.of(), token.verificationKeys());

        assertEquals(new RefreshSettings(Duration.ofHours(24), Duration.ofDays(7)), RefreshSettings.from(config));
        assertEquals(new AccountSettings(false, 600_000, 0, Duration.ofMillis(200)), AccountSettings.from(config));

        SessionSettings session = SessionSettings.from(config);
        assertEquals(Duration.ofMinutes(15), session.idleTimeout());
        assertEquals(Duration.ofHours(8), session.absoluteTimeout());
        assertFalse(session.secureCookie());
        assertTrue(session.allowedOrigins().isEmpty());
        assertEquals(2000, session.preLoginLimit());
    }

    @Test
    void everyKeyTheRecordsReadIsListedInTheDefaultsFile() throws Exception {
        String text = text();
        List<String> missing = new ArrayList<>();
        for (Class<?> record : List.of(TokenSettings.class, RefreshSettings.class, AccountSettings.class, SessionSettings.class)) {
            for (Field field : record.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                        && Modifier.isPublic(field.getModifiers())) {
                    String key = (String) field.get(null);
                    if (!text.contains("\n" + key + "=") && !text.contains("\n# " + key + "=")) {
                        missing.add(key);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "keys read by the code but not listed in " + FILE);
    }
}
