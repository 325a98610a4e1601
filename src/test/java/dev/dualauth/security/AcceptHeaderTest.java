package dev.dualauth.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptHeaderTest {

    @Test
    void qualityValuesFollowTheGrammar() {
        for (String ok : List.of("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "*/*", "a/b;q=1",
                "a/b;q=1.000", "a/b; q=0", "a/b;Q=0.001", "a/b;level=1", "")) {
            assertTrue(AcceptHeader.validQualities(ok), ok);
        }
        for (String bad : List.of("text/html;q=x", "a/b;q=", "a/b;q=2", "a/b;q=1.5", "a/b;q=0.1234", "a/b;q=.5", "a/b;q=-0",
                "a/b, c/d;q=0.x")) {
            assertFalse(AcceptHeader.validQualities(bad), bad);
        }
    }

    @Test
    void everyHeaderIsChecked() {
        assertTrue(AcceptHeader.validQualities((java.util.Enumeration<String>) null));
        assertTrue(AcceptHeader.validQualities(Collections.enumeration(List.of("a/b;q=0.5", "*/*"))));
        assertFalse(AcceptHeader.validQualities(Collections.enumeration(List.of("a/b;q=0.5", "*/*;q=y"))));
    }
}
