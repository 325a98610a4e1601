package dev.dualauth.security;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Security events logged at most once per {@link #INTERVAL} per cause, with the number of the same events
 * left out since the last line: an attacker replaying a stolen token a thousand times a second must not
 * fill the disk or drown the log (each line is still written while the rate is low). The causes are a
 * small fixed set chosen by the code (never values from a request), so the map stays small.
 */
public final class SecurityLog {

    static final Duration INTERVAL = Duration.ofSeconds(10);

    private final Logger logger;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        final AtomicLong nextAllowedNanos = new AtomicLong(Long.MIN_VALUE);
        final AtomicLong suppressed = new AtomicLong();
    }

    public SecurityLog(Class<?> owner) {
        this.logger = Logger.getLogger(owner.getName());
    }

    public void warning(String cause, Supplier<String> message) {
        log(Level.WARNING, cause, message, null);
    }

    public void info(String cause, Supplier<String> message) {
        log(Level.INFO, cause, message, null);
    }

    /** With the exception's stack trace (only for the server's own faults). */
    public void warning(String cause, Supplier<String> message, Throwable error) {
        log(Level.WARNING, cause, message, error);
    }

    private void log(Level level, String cause, Supplier<String> message, Throwable error) {
        if (!logger.isLoggable(level)) {
            return;
        }
        Window window = windows.computeIfAbsent(cause, c -> new Window());
        long now = System.nanoTime();
        long next = window.nextAllowedNanos.get();
        if ((next != Long.MIN_VALUE && now - next < 0) || !window.nextAllowedNanos.compareAndSet(next, now + INTERVAL.toNanos())) {
            window.suppressed.incrementAndGet();
            return;
        }
        long left = window.suppressed.getAndSet(0);
        String line = left == 0 ? message.get()
                : message.get() + " (and " + left + " more like it in the last " + INTERVAL.toSeconds() + " s or so, not logged)";
        if (error == null) {
            logger.log(level, line);
        } else {
            logger.log(level, line, error);
        }
    }
}
