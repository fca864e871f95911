package ru.parta.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load tool: {@code java -jar parta.jar bench [options]}. It starts no Spring context and no database; it drives a
 * running Parta server over HTTP and its WebSocket stream. See docs/PERFORMANCE.md.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the tool; returns the exit code: 0 OK, 1 exactly-once violated, 2 refused options or failed run. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (BenchOptions.InvalidOptionException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (options.worker() > 0) {
            try {
                new BenchRun(options, err).runWorker(out);
                return 0;
            } catch (BenchException e) {
                err.println("bench worker " + options.worker() + " failed: " + e.getMessage());
                return 2;
            }
        }
        try {
            BenchResult result = new BenchRun(options, out).run();
            out.println();
            out.println("Parta bench results");
            out.print(result.table());
            if (result.verdict != null) {
                out.println(result.verdict.summary());
            }
            if (options.json() != null) {
                var json = JsonMapper.builder()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .build();
                Files.writeString(Path.of(options.json()), json.writeValueAsString(result.toMap()));
                out.println("JSON written to " + options.json());
            }
            return result.ok ? 0 : 1;
        } catch (BenchException e) {
            err.println("bench failed: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("bench could not write its output: " + e.getMessage());
            return 2;
        }
    }

    /** For the in-process test: the result object rather than an exit code. */
    public static BenchResult runForTest(BenchOptions options, PrintStream out) {
        return new BenchRun(options, out).run();
    }
}
