package dev.dualauth.security;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorsSettingsTest {

    @Test
    void anAllowedOriginIsExactlyWhatBrowsersSend() {
        CorsSettings.checkOrigin("k", "https://app.example");
        CorsSettings.checkOrigin("k", "http://127.0.0.1:9000");
        for (String bad : List.of("https://app.example/", "https://app.example/app", "*", "app.example",
                "ftp://app.example", "https://user@app.example", "https://app.example?x", "null")) {
            assertThrows(IllegalArgumentException.class, () -> CorsSettings.checkOrigin("k", bad), bad);
        }
    }
}
