package dev.dualauth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class SecurityLogTest {

    @Test
    void aFloodOfOneCauseWritesOneLineAndOtherCausesStillGetTheirs() {
        List<String> lines = new ArrayList<>();
        Logger logger = Logger.getLogger(SecurityLogTest.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            SecurityLog log = new SecurityLog(SecurityLogTest.class);
            for (int i = 0; i < 10_000; i++) {
                log.warning("replay", () -> "a replay");
            }
            log.warning("other", () -> "something else");
            assertEquals(List.of("a replay", "something else"), lines);
        } finally {
            logger.removeHandler(capture);
        }
        assertTrue(SecurityLog.INTERVAL.toSeconds() >= 1);
    }
}
