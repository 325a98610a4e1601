package dev.dualauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class RejectionTest {

    @Test
    void labelsAreTheSameInATurkishLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("missing_claim", Rejection.MISSING_CLAIM.label());
            assertEquals("issued_in_future", Rejection.ISSUED_IN_FUTURE.label());
        } finally {
            Locale.setDefault(before);
        }
    }
}
