package ru.parta.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The extra client processes of {@code --processes P} (connect-only): one process may hold at most ~20,000 open files
 * here, so past ~19,000 connections the clients are spread over several processes. Worker {@code k} (1 ≤ k < P) is
 * this same tool started again with the same command line plus {@code --worker k}; it opens its slice of the users'
 * connections, prints one line {@code WORKER-READY <opened> <failed>}, holds them until its standard input closes,
 * then exits. Hazard handled: a worker whose parent dies sees its standard input close and exits too, so no client
 * process is left behind holding connections.
 */
final class ClientProcesses implements AutoCloseable {

    static final String READY = "WORKER-READY";

    record Slice(int opened, int failed) {}

    private final List<Process> processes = new ArrayList<>();
    private final List<CompletableFuture<Slice>> slices = new ArrayList<>();

    /** Starts workers 1..count-1 with this process's command line. */
    static ClientProcesses start(int count) {
        var info = ProcessHandle.current().info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            throw new BenchException("cannot read this process's command line to start client processes");
        }
        var workers = new ClientProcesses();
        for (int k = 1; k < count; k++) {
            List<String> command = new ArrayList<>();
            command.add(info.command().get());
            command.addAll(List.of(info.arguments().get()));
            command.add("--worker");
            command.add(String.valueOf(k));
            try {
                Process p = new ProcessBuilder(command)
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
                workers.processes.add(p);
                workers.slices.add(CompletableFuture.supplyAsync(() -> readySlice(p)));
            } catch (IOException e) {
                workers.close();
                throw new BenchException("could not start client process " + k + ": " + e.getMessage(), e);
            }
        }
        return workers;
    }

    private static Slice readySlice(Process p) {
        try (var reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(READY + " ")) {
                    String[] parts = line.split(" ");
                    return new Slice(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
                }
            }
            throw new BenchException("a client process exited before its connections were ready");
        } catch (IOException e) {
            throw new BenchException("lost a client process: " + e.getMessage(), e);
        }
    }

    /** Waits until every worker has opened its slice; the sum of what they opened and what failed. */
    Slice awaitReady(long timeoutSeconds) {
        int opened = 0;
        int failed = 0;
        for (var slice : slices) {
            try {
                Slice s = slice.get(timeoutSeconds, TimeUnit.SECONDS);
                opened += s.opened();
                failed += s.failed();
            } catch (TimeoutException e) {
                throw new BenchException(
                        "a client process did not open its connections within " + timeoutSeconds + " s");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new BenchException(String.valueOf(e.getCause().getMessage()), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchException("interrupted", e);
            }
        }
        return new Slice(opened, failed);
    }

    /** Tells every worker to close its connections and exit (closes their standard input), and waits for them. */
    @Override
    public void close() {
        for (Process p : processes) {
            try {
                p.getOutputStream().close();
            } catch (IOException e) {
                p.destroy();
            }
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    /** In a worker: blocks until the parent closes our standard input (or is gone), at most {@code maxSeconds}. */
    static void holdUntilReleased(long maxSeconds) {
        var released = CompletableFuture.runAsync(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent on purpose; end of input is the signal
                }
            } catch (IOException e) {
                // the parent is gone: release
            }
        });
        try {
            released.get(maxSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // bounded: give up holding
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
