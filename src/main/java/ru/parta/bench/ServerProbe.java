package ru.parta.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads the servers' figures from their metrics endpoints. Hazard handled: a memory reading right after connections
 * opened would count garbage not yet collected, so with a local server's pid a full GC ({@code jcmd PID GC.run})
 * runs first and the heap difference is what connections retain.
 */
final class ServerProbe {

    interface Log {
        void log(String format, Object... args);
    }

    private ServerProbe() {}

    /** The figures of every node the run touches, added up (one node: its own figures). */
    static ServerStats cluster(List<BenchHttp> nodes, long serverPid) {
        List<ServerStats> each = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            each.add(ServerStats.parse(nodes.get(i).prometheus(), i == 0 ? serverPid : 0));
        }
        return ServerStats.sum(each);
    }

    /** One server's figures for a memory comparison, after a full GC when its pid is known. */
    static ServerStats memory(BenchHttp http, long serverPid, Log log) {
        if (serverPid > 0) {
            try {
                var jcmd = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd");
                var p = new ProcessBuilder(jcmd.toString(), String.valueOf(serverPid), "GC.run")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (p.waitFor(60, TimeUnit.SECONDS)) {
                    Thread.sleep(1500); // let the GC's effect show in the next metrics scrape
                } else {
                    p.destroy();
                }
            } catch (java.io.IOException e) {
                log.log("Could not run jcmd for a GC before measuring memory: %s", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ServerStats.parse(http.prometheus(), serverPid);
    }
}
