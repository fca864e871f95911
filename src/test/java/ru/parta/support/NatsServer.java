package ru.parta.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A real nats-server (Debian's package) on a loopback port, started and stopped by the test. */
public final class NatsServer implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/nats-server");
    private final int port;
    private Process process;

    public NatsServer() throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("nats-server is not installed: apt-get install nats-server (see .ci/run)");
        }
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        start();
    }

    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    public void start() throws IOException {
        process = new ProcessBuilder(List.of(BINARY.toString(), "-a", "127.0.0.1", "-p", String.valueOf(port)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        await().atMost(Duration.ofSeconds(20)).until(this::accepting);
    }

    /** Kills the server at once, as a crash would. */
    public void kill() {
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(20)).until(() -> !accepting());
    }

    private boolean accepting() {
        try (var s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
        }
    }
}
