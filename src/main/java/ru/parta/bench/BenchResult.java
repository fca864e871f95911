package ru.parta.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What a run measured; printed as a table and written as JSON. */
public final class BenchResult {

    BenchOptions options;
    public boolean ok;
    public String transport;
    public double setupSeconds;
    public double connectSeconds;
    public int connections;
    public int connectFailures;
    public double connectP50Millis;
    public double connectP99Millis;
    public double connectMaxMillis;
    public long sent;
    public long accepted;
    public long inFlightAtEnd;
    public final Map<String, Long> errors = new TreeMap<>();
    public double acceptedPerSecond;
    public double deliveriesPerSecond;
    public long expectedDeliveries;
    public long receivedDeliveries;
    LatencyRecorder latency;
    public DeliveryLedger.Verdict verdict;
    ServerStats serverInitial;
    ServerStats serverBefore;
    ServerStats serverAfter;
    public double serverCpuCores = Double.NaN;
    public double serverCpuUsageMean = Double.NaN;

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    public LatencyRecorder latency() {
        return latency;
    }

    /** Server memory per open connection: RSS and JVM-used deltas over the connections opened (connect-only). */
    public double rssPerConnection() {
        return perConnection(
                serverBefore == null ? Double.NaN : serverAfter.residentBytes() - serverBefore.residentBytes());
    }

    public double jvmUsedPerConnection() {
        return perConnection(
                serverBefore == null ? Double.NaN : serverAfter.jvmUsedBytes() - serverBefore.jvmUsedBytes());
    }

    /** Heap after a full GC (with --server-pid), per connection: what an idle connection retains. */
    public double heapPerConnection() {
        return perConnection(
                serverBefore == null ? Double.NaN : serverAfter.heapUsedBytes() - serverBefore.heapUsedBytes());
    }

    private double perConnection(double delta) {
        return connections == 0 ? Double.NaN : delta / connections;
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("target", options.target().toString());
        o.put(
                "streamTargets",
                options.streamTargets().stream().map(Object::toString).toList());
        o.put("users", options.users());
        o.put("connectionsPerUser", options.connectionsPerUser());
        o.put("chatSize", options.chatSize());
        o.put("channels", options.channels());
        o.put("channelSize", options.channelSize());
        o.put("rate", options.rate());
        o.put("channelRate", options.channelRate());
        o.put("durationSeconds", options.duration().toSeconds());
        o.put("warmupSeconds", options.warmup().toSeconds());
        o.put("connectOnly", options.connectOnly());
        m.put("options", o);
        m.put("ok", ok);
        m.put("transport", transport);
        m.put("connections", connections);
        m.put("connectFailures", connectFailures);
        m.put("connectSeconds", connectSeconds);
        m.put("connectMillis", Map.of("p50", connectP50Millis, "p99", connectP99Millis, "max", connectMaxMillis));
        if (!options.connectOnly()) {
            m.put("sent", sent);
            m.put("accepted", accepted);
            m.put("errors", errors);
            m.put("acceptedPerSecond", acceptedPerSecond);
            m.put("deliveriesPerSecond", deliveriesPerSecond);
            m.put("expectedDeliveries", expectedDeliveries);
            m.put("receivedDeliveries", receivedDeliveries);
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("count", latency.count());
            l.put("p50", latency.percentileMillis(50));
            l.put("p99", latency.percentileMillis(99));
            l.put("p999", latency.percentileMillis(99.9));
            l.put("max", latency.maxMillis());
            l.put("mean", latency.meanMillis());
            m.put("latencyMillis", l);
            if (verdict != null) {
                m.put(
                        "exactlyOnce",
                        Map.of(
                                "ok", verdict.ok(),
                                "checked", verdict.checked(),
                                "missing", verdict.missing(),
                                "duplicated", verdict.duplicated(),
                                "unexpected", verdict.unexpected(),
                                "examples", verdict.examples()));
            }
            m.put("serverCpuCores", nan(serverCpuCores));
            m.put("serverCpuUsageMean", nan(serverCpuUsageMean));
        }
        m.put("serverBefore", stats(serverBefore));
        m.put("serverAfter", stats(serverAfter));
        if (options.connectOnly()) {
            m.put("rssBytesPerConnection", nan(rssPerConnection()));
            m.put("jvmUsedBytesPerConnection", nan(jvmUsedPerConnection()));
            m.put("heapBytesPerConnection", nan(heapPerConnection()));
            m.put("gcBeforeMemoryReadings", options.serverPid() > 0);
        }
        return m;
    }

    private static Object nan(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static Map<String, Object> stats(ServerStats s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("processCpuUsage", nan(s.cpuUsage()));
        m.put("processCpuSeconds", nan(s.cpuSeconds()));
        m.put("residentBytes", nan(s.residentBytes()));
        m.put("jvmUsedBytes", nan(s.jvmUsedBytes()));
        m.put("heapUsedBytes", nan(s.heapUsedBytes()));
        m.put("streamConnections", nan(s.connections()));
        return m;
    }

    String table() {
        var sb = new StringBuilder();
        row(sb, "transport", transport);
        row(sb, "connections", connections + (connectFailures > 0 ? " (" + connectFailures + " failed)" : ""));
        row(
                sb,
                "connect time",
                f(
                        "%.1f s total; p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                        connectSeconds, connectP50Millis, connectP99Millis, connectMaxMillis));
        if (options.connectOnly()) {
            row(sb, "server RSS", f("%s -> %s", mb(serverBefore.residentBytes()), mb(serverAfter.residentBytes())));
            row(
                    sb,
                    "server JVM used",
                    f(
                            "%s -> %s (heap %s -> %s)",
                            mb(serverBefore.jvmUsedBytes()),
                            mb(serverAfter.jvmUsedBytes()),
                            mb(serverBefore.heapUsedBytes()),
                            mb(serverAfter.heapUsedBytes())));
            row(
                    sb,
                    "heap per connection",
                    f(
                            "%.2f KB%s",
                            heapPerConnection() / 1024,
                            options.serverPid() > 0 ? " (after a full GC)" : " (no GC first: pass --server-pid)"));
            row(sb, "RSS per connection", f("%.1f KB", rssPerConnection() / 1024));
            row(sb, "JVM used per connection", f("%.1f KB", jvmUsedPerConnection() / 1024));
            return sb.toString();
        }
        row(
                sb,
                "sent / accepted",
                sent + " / " + accepted + (inFlightAtEnd > 0 ? " (" + inFlightAtEnd + " unanswered)" : ""));
        row(sb, "errors", errors.isEmpty() ? "0" : errorCount() + " " + errors);
        row(sb, "accepted msg/s", f("%.1f", acceptedPerSecond));
        row(sb, "deliveries/s", f("%.1f", deliveriesPerSecond));
        row(sb, "latency p50", f("%.1f ms", latency.percentileMillis(50)));
        row(sb, "latency p99", f("%.1f ms", latency.percentileMillis(99)));
        row(sb, "latency p99.9", f("%.1f ms", latency.percentileMillis(99.9)));
        row(sb, "latency max", f("%.1f ms", latency.maxMillis()));
        row(
                sb,
                "server CPU",
                f("%.2f cores (process_cpu_usage mean %.0f%% of the machine)", serverCpuCores, serverCpuUsageMean * 100)
                        + (options.nodes().size() > 1
                                ? ", summed over " + options.nodes().size() + " nodes"
                                : ""));
        row(sb, "server CPU / delivery", f("%.1f µs", serverCpuCores * 1e6 / deliveriesPerSecond));
        if (serverAfter != null) {
            row(sb, "server RSS / JVM used", mb(serverAfter.residentBytes()) + " / " + mb(serverAfter.jvmUsedBytes()));
        }
        row(sb, "deliveries", receivedDeliveries + " received of " + expectedDeliveries + " owed");
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append(String.format(Locale.ROOT, "  %-24s %s%n", name, value));
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String mb(double bytes) {
        return Double.isNaN(bytes) ? "n/a" : f("%.1f MB", bytes / (1024 * 1024));
    }
}
