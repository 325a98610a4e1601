package dev.dualauth.it.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the cluster for a test class exactly as {@code mvn -Pcluster} does — the same script,
 * {@code server-config/payara/cluster/cluster.sh}, with the same configuration files — on test ports
 * (balancer 18080, nodes 18081 and 18082, data grid 16900 and 16901), with a cluster name of its own and
 * a fresh PostgreSQL database, and stops it (and drops the database) when the class is done. Tests can
 * kill, stop and start nodes.
 */
public final class Cluster implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    static final int BALANCER_PORT = 18080;
    static final int[] NODE_PORTS = {0, 18081, 18082};
    static final String NAME = "dualauth-it";
    static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/";

    private final Path root = Path.of(System.getProperty("user.dir"));
    private final Path runDir = root.resolve("target/cluster-it");
    private final String database = "dualauth_it_" + System.currentTimeMillis();
    private boolean started;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!started) {
            Files.createDirectories(runDir);
            context.getStore(ExtensionContext.Namespace.GLOBAL).put(Cluster.class.getName(), this);
            script("database");
            start(1);
            start(2);
            script("balancer");
            started = true;
        }
    }

    @Override
    public void close() throws Exception {
        script("stop");
        try (Connection c = DriverManager.getConnection(DB_URL + "postgres", "postgres", "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    public static String balancer() {
        return "http://127.0.0.1:" + BALANCER_PORT;
    }

    public static String node(int n) {
        return "http://127.0.0.1:" + NODE_PORTS[n];
    }

    /** Starts node {@code n} and returns once it serves (the script waits, and retries a hung start once). */
    public void start(int n) throws IOException, InterruptedException {
        script("node", String.valueOf(n));
    }

    /** SIGKILL: the node gets no chance to hand anything over. */
    public void kill(int n) throws Exception {
        ProcessHandle node = process("node" + n);
        node.destroyForcibly();
        node.onExit().get(30, TimeUnit.SECONDS).pid();
        Files.deleteIfExists(runDir.resolve("node" + n + ".pid"));
    }

    /** SIGTERM, and waits until the node has shut down. */
    public void stop(int n) throws Exception {
        ProcessHandle node = process("node" + n);
        node.destroy();
        node.onExit().get(60, TimeUnit.SECONDS);
        Files.deleteIfExists(runDir.resolve("node" + n + ".pid"));
    }

    /** The pids of everything the script started: the nodes that run, and the balancer. */
    public List<Long> pids() throws IOException {
        List<Long> pids = new ArrayList<>();
        for (String name : List.of("node1", "node2", "haproxy")) {
            Path file = runDir.resolve(name + ".pid");
            if (Files.exists(file)) {
                pids.add(Long.parseLong(Files.readString(file).strip()));
            }
        }
        return pids;
    }

    public Connection database() throws SQLException {
        return DriverManager.getConnection(DB_URL + database, "postgres", "");
    }

    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("DUALAUTH_HTTP_PORT", String.valueOf(BALANCER_PORT));
        env.put("DUALAUTH_NODE1_PORT", String.valueOf(NODE_PORTS[1]));
        env.put("DUALAUTH_NODE2_PORT", String.valueOf(NODE_PORTS[2]));
        env.put("DUALAUTH_GRID_PORT1", "16900");
        env.put("DUALAUTH_GRID_PORT2", "16901");
        env.put("DUALAUTH_CLUSTER_NAME", NAME);
        env.put("DUALAUTH_DB_NAME", database);
        env.put("DUALAUTH_DATA_DIR", runDir.resolve("data").toString());
        env.put("DUALAUTH_RUN_DIR", runDir.toString());
        return env;
    }

    /** Runs a cluster.sh command with the test environment plus {@code extra}; fails with its output. */
    public void script(Map<String, String> extra, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("server-config/payara/cluster/cluster.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(runDir.resolve("script.log").toFile()));
        builder.environment().remove("MAVEN_CMD_LINE_ARGS");
        builder.environment().putAll(environment());
        builder.environment().putAll(extra);
        Process process = builder.start();
        if (!process.waitFor(Duration.ofMinutes(6).toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("cluster.sh " + String.join(" ", args) + " failed; its output:\n"
                    + tail(runDir.resolve("script.log")));
        }
    }

    public void script(String... args) throws IOException, InterruptedException {
        script(Map.of(), args);
    }

    Path runDir() {
        return runDir;
    }

    private ProcessHandle process(String name) throws IOException {
        long pid = Long.parseLong(Files.readString(runDir.resolve(name + ".pid")).strip());
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + " (pid " + pid + ") is not running"));
    }

    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
