package dev.dualauth.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueryStringsTest {

    @Test
    void everyPercentMustStartAnEscapeOfTwoHexDigits() {
        for (String good : new String[] {null, "", "a=b", "a=%C3%A9&b=%2f", "a=%00", "q=100%25", "a=%aF%Fa"}) {
            assertTrue(QueryStrings.wellFormed(good), good);
        }
        for (String bad : new String[] {"a=%ZZ", "a=%", "a=%4", "a=b%", "a=%4g", "%%41", "a=%C3%A", "x=%%"}) {
            assertFalse(QueryStrings.wellFormed(bad), bad);
        }
    }
}
