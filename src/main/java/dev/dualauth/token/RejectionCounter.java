package dev.dualauth.token;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Counts refused bearer tokens by reason and logs one line per refusal: the reason only, never the token
 * and never a stack trace.
 */
@ApplicationScoped
public class RejectionCounter {

    private static final Logger LOG = Logger.getLogger(RejectionCounter.class.getName());

    private final Map<Rejection, LongAdder> counts = new EnumMap<>(Rejection.class);

    public RejectionCounter() {
        for (Rejection r : Rejection.values()) {
            counts.put(r, new LongAdder());
        }
    }

    public void record(Rejection reason) {
        counts.get(reason).increment();
        LOG.info(() -> "bearer token refused: " + reason.label());
    }

    /** Every reason with its count since start, in name order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> result = new TreeMap<>();
        counts.forEach((reason, count) -> result.put(reason.label(), count.sum()));
        return result;
    }
}
