package dev.dualauth.token;

import dev.dualauth.security.SecurityLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts refused bearer tokens by reason and logs them: the reason only, never the token and never a
 * stack trace, at most a line per reason every few seconds ({@link SecurityLog}); the counts are exact.
 */
@ApplicationScoped
public class RejectionCounter {

    private static final SecurityLog LOG = new SecurityLog(RejectionCounter.class);

    private final Map<Rejection, LongAdder> counts = new EnumMap<>(Rejection.class);

    public RejectionCounter() {
        for (Rejection r : Rejection.values()) {
            counts.put(r, new LongAdder());
        }
    }

    public void record(Rejection reason) {
        counts.get(reason).increment();
        LOG.info(reason.name(), () -> "bearer token refused: " + reason.label());
    }

    /** Every reason with its count since start, in name order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> result = new TreeMap<>();
        counts.forEach((reason, count) -> result.put(reason.label(), count.sum()));
        return result;
    }
}
