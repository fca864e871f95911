package ru.parta.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Parta node in its own JVM process, started from the test class path (the jar is built only after the tests), on
 * free loopback ports, with its output in a log file. {@link #kill()} is SIGKILL: no shutdown hook runs, as in a
 * crash. Whoever starts a node must close it; a shutdown hook kills it when the test JVM exits normally, but a test
 * JVM that is itself killed leaves the node running.
 */
public final class PartaNode implements AutoCloseable {

    private final String name;
    private final int httpPort;
    private final int streamPort;
    private final Path log;
    private final Process process;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PartaNode(String name, int httpPort, int streamPort, Path log, Process process) {
        this.name = name;
        this.httpPort = httpPort;
        this.streamPort = streamPort;
        this.log = log;
        this.process = process;
    }

    /** Starts a node with the given settings (as command-line properties, which win over every other source). */
    public static PartaNode start(String name, Path logDir, Map<String, String> properties) throws IOException {
        int httpPort = freePort();
        int streamPort = freePort();
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                classPath,
                "ru.parta.PartaApplication",
                "--server.port=" + httpPort,
                "--parta.stream.port=" + streamPort,
                "--parta.stream.bind-address=127.0.0.1",
                "--logging.structured.format.console=",
                // the nodes' system administrator creates the test users without a second factor
                "--parta.accounts.totp-required-for-system-admins=false"));
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // if the test JVM exits without closing the node (a failed set-up, Ctrl-C), the node goes with it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new PartaNode(name, httpPort, streamPort, log, process);
    }

    public String base() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int streamPort() {
        return streamPort;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until {@code /actuator/health} answers UP; fails early, pointing at the log, if the process died. */
    public PartaNode awaitUp(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            return up();
        });
        return this;
    }

    private boolean up() {
        try {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        kill();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
