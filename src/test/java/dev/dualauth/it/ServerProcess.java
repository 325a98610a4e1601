package dev.dualauth.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The application server the tests started (Arquillian's managed containers run it as a child process of
 * the test JVM), for what only the process can tell: how much live heap it holds.
 */
final class ServerProcess {

    private ServerProcess() {
    }

    /** The server's JVM: a descendant {@code java} running Payara Micro or WildFly's jboss-modules. */
    static Optional<ProcessHandle> find() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro") || c.contains("jboss-modules")).orElse(false))
                .findFirst();
    }

    /**
     * Bytes of live objects in the server's heap: {@code jcmd GC.class_histogram} makes a full collection
     * first and counts only what is reachable, so garbage does not blur the number.
     */
    static long liveHeapBytes(long pid) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Process jcmd = new ProcessBuilder(java.resolveSibling("jcmd").toString(), Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd failed: " + output);
        }
        List<String> lines = output.lines().filter(l -> l.startsWith("Total")).toList();
        if (lines.isEmpty()) {
            throw new IllegalStateException("no Total line in jcmd's histogram: " + output.substring(0, Math.min(500, output.length())));
        }
        String[] fields = lines.get(lines.size() - 1).trim().split("\\s+");
        return Long.parseLong(fields[fields.length - 1]);
    }
}
