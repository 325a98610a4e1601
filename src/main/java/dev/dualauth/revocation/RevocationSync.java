package dev.dualauth.revocation;

import dev.dualauth.security.ClusterSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * In a cluster ({@code dualauth.cluster.enabled=true}), what the other nodes revoke reaches this node's
 * {@link LocalRevocationList} by reading the shared {@code revocation} table every
 * {@code dualauth.cluster.sync-interval} (250 ms): the database, which every node writes each revocation to
 * before answering, is the one record, and this is a reader of it, not a replication protocol.
 *
 * <p>Each read takes the rows recorded since {@value #WINDOW_SECONDS} seconds before the previous read
 * began, so a row committed late, or stamped by a node whose clock is somewhat behind, is still seen;
 * applying a row twice changes nothing. A read that fails (the database away) is repeated from the same
 * point, so a node that was cut off catches up; a node that starts loads every live row first.
 */
@ApplicationScoped
public class RevocationSync {

    private static final Logger LOG = Logger.getLogger(RevocationSync.class.getName());
    static final long WINDOW_SECONDS = 30;

    @Inject
    ClusterSettings cluster;

    @Inject
    RevocationTable table;

    @Inject
    LocalRevocationList list;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile Instant lastRead;
    private volatile boolean failing;
    private ScheduledFuture<?> reads;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!cluster.enabled()) {
            return;
        }
        lastRead = Instant.now();
        long every = cluster.syncInterval().toMillis();
        reads = scheduler.scheduleWithFixedDelay(this::read, every, every, TimeUnit.MILLISECONDS);
        LOG.info(() -> "cluster mode: reading other nodes' revocations every " + every + " ms");
    }

    void read() {
        Instant started = Instant.now();
        try {
            for (Revocation row : table.recordedSince(lastRead.minus(Duration.ofSeconds(WINDOW_SECONDS)), started)) {
                list.apply(row);
            }
            lastRead = started;
            if (failing) {
                failing = false;
                LOG.info("revocations are read from the database again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true; // one line per outage, not one per read
                LOG.warning(() -> "cannot read revocations from the database (" + e.getClass().getSimpleName()
                        + "); retrying from the same point");
            }
        }
    }

    @PreDestroy
    void stop() {
        if (reads != null) {
            reads.cancel(false);
        }
    }
}
