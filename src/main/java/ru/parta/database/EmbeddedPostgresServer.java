package ru.parta.database;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server run from the zonky binaries that ship inside the jar, with its cluster in a persistent folder.
 *
 * <p>Guarantees: the cluster is created once and reused across restarts; a server left running by a JVM that was
 * killed is stopped before a new one starts on the same folder; {@link #close()} stops the server.
 *
 * <p>Hazard: PostgreSQL refuses to run as root, and these machines run everything as root. As root every server
 * command runs through {@code unshare -U}: inside a fresh user namespace the process is the overflow user, which is
 * also how the root-owned data folder appears there, so PostgreSQL sees a non-root owner of its own files.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String VERSION_MARK = "17.6.0";

    private final Path root;
    private final Path binaries;
    private final Path cluster;
    private final String database;
    private final int port;
    private boolean running;

    private EmbeddedPostgresServer(Path root, Path binariesRoot, String database, int port) {
        this.root = root.toAbsolutePath().normalize();
        this.binaries = binariesRoot.toAbsolutePath().normalize().resolve("pg-" + VERSION_MARK);
        this.cluster = this.root.resolve("postgres");
        this.database = database;
        this.port = port;
    }

    /** Extracts the binaries if needed, creates the cluster if needed, starts the server and the database. */
    public static EmbeddedPostgresServer start(EmbeddedDatabaseProperties properties) {
        int port = properties.port() == 0 ? freePort() : properties.port();
        Path root = Path.of(properties.dataDir());
        Path binariesRoot = properties.binariesDir().isBlank() ? root : Path.of(properties.binariesDir());
        var server = new EmbeddedPostgresServer(root, binariesRoot, properties.database(), port);
        try {
            server.boot(properties.startTimeout().toSeconds());
        } catch (IOException | InterruptedException | SQLException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Embedded PostgreSQL did not start in " + server.root + ": " + e, e);
        }
        return server;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    public int port() {
        return port;
    }

    private void boot(long timeoutSeconds) throws IOException, InterruptedException, SQLException {
        Files.createDirectories(root);
        extractBinariesIfNeeded();
        if (!Files.exists(cluster.resolve("PG_VERSION"))) {
            Files.createDirectories(cluster);
            run(
                    60,
                    bin("initdb"),
                    "-D",
                    cluster.toString(),
                    "-U",
                    "postgres",
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--locale=C",
                    "--no-sync");
            Files.writeString(cluster.resolve("postgresql.auto.conf"), """
                    listen_addresses = '127.0.0.1'
                    unix_socket_directories = ''
                    max_connections = 200
                    shared_buffers = '128MB'
                    fsync = on
                    synchronous_commit = on
                    """);
        }
        stopOrphan();
        run(
                timeoutSeconds,
                bin("pg_ctl"),
                "-D",
                cluster.toString(),
                "-l",
                root.resolve("postgres.log").toString(),
                "-o",
                "-p " + port,
                "-w",
                "-t",
                String.valueOf(timeoutSeconds),
                "start");
        running = true;
        createDatabaseIfMissing();
        log.info("Embedded PostgreSQL 17 running on 127.0.0.1:{} with data in {}", port, cluster);
    }

    private void stopOrphan() throws IOException, InterruptedException {
        if (Files.exists(cluster.resolve("postmaster.pid"))) {
            log.warn("Found postmaster.pid in {}: stopping a server left behind by an earlier run", cluster);
            runQuietly(bin("pg_ctl"), "-D", cluster.toString(), "-m", "immediate", "-w", "stop");
            Files.deleteIfExists(cluster.resolve("postmaster.pid"));
        }
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection c =
                DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "")) {
            try (var st = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                st.setString(1, database);
                if (st.executeQuery().next()) {
                    return;
                }
            }
            try (var st = c.createStatement()) {
                st.execute("create database \"" + database.replace("\"", "") + "\" encoding 'UTF8'");
            }
        }
    }

    private void extractBinariesIfNeeded() throws IOException, InterruptedException {
        Path mark = binaries.resolve(".complete");
        if (Files.exists(mark)) {
            return;
        }
        Files.createDirectories(binaries.getParent());
        Path staging = Files.createTempDirectory(binaries.getParent(), "pg-extract-");
        try (InputStream txz = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system(), architecture())) {
            PgArchive.extract(txz, staging);
        }
        Files.writeString(staging.resolve(".complete"), VERSION_MARK);
        try {
            PgArchive.deleteRecursively(binaries);
            Files.move(staging, binaries, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // another process unpacked the same binaries at the same time: use theirs
            PgArchive.deleteRecursively(staging);
            if (!Files.exists(mark)) {
                throw e;
            }
        }
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    private static String system() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "Darwin";
        }
        return os.contains("win") ? "Windows" : "Linux";
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return arch.equals("aarch64") || arch.equals("arm64") ? "arm_64" : "x86_64";
    }

    private List<String> command(String... args) {
        List<String> cmd = new ArrayList<>();
        if (runsAsRoot()) {
            cmd.add("unshare");
            cmd.add("-U");
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static boolean runsAsRoot() {
        try {
            return !System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win")
                    && new UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private void run(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(root, "pg-cmd-", ".log");
        try {
            Process p = new ProcessBuilder(command(args))
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            if (!p.waitFor(timeoutSeconds + 5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(args[0] + " timed out: " + Files.readString(out));
            }
            if (p.exitValue() != 0) {
                String serverLog = Files.exists(root.resolve("postgres.log"))
                        ? Files.readString(root.resolve("postgres.log"))
                        : "";
                throw new IOException(
                        args[0] + " failed (" + p.exitValue() + "): " + Files.readString(out) + serverLog);
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private void runQuietly(String... args) {
        try {
            run(60, args);
        } catch (IOException e) {
            log.debug("Ignored: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for embedded PostgreSQL", e);
        }
    }

    @Override
    public synchronized void close() {
        if (running) {
            running = false;
            runQuietly(bin("pg_ctl"), "-D", cluster.toString(), "-m", "fast", "-w", "stop");
            log.info("Embedded PostgreSQL stopped");
        }
    }
}
