package ru.parta.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The server's process figures from its Prometheus endpoint (and /proc for RSS when given the pid). */
record ServerStats(
        double cpuUsage,
        double cpuSeconds,
        double residentBytes,
        double jvmUsedBytes,
        double heapUsedBytes,
        double connections,
        double deliveries,
        long atNanos) {

    static ServerStats parse(String text, long pid) {
        double cpu = Double.NaN;
        double cpuSeconds = Double.NaN;
        double rss = Double.NaN;
        double used = 0;
        double heap = 0;
        double conns = Double.NaN;
        double deliveries = Double.NaN;
        boolean anyUsed = false;
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String key = line.substring(0, space);
            double value;
            try {
                value = Double.parseDouble(line.substring(space + 1));
            } catch (NumberFormatException e) {
                continue;
            }
            if (key.equals("process_cpu_usage")) {
                cpu = value;
            } else if (key.startsWith("process_cpu_time_ns_total")) {
                cpuSeconds = value / 1e9;
            } else if (key.startsWith("process_cpu_seconds_total")) {
                cpuSeconds = value;
            } else if (key.startsWith("process_resident_memory_bytes")) {
                rss = value;
            } else if (key.startsWith("jvm_memory_used_bytes{")) {
                used += value;
                anyUsed = true;
                if (key.contains("area=\"heap\"")) {
                    heap += value;
                }
            } else if (key.startsWith("parta_stream_connections")) {
                conns = value;
            } else if (key.startsWith("parta_deliveries_total")) {
                deliveries = value;
            }
        }
        if (Double.isNaN(rss) && pid > 0) {
            rss = rssFromProc(pid);
        }
        return new ServerStats(
                cpu,
                cpuSeconds,
                rss,
                anyUsed ? used : Double.NaN,
                anyUsed ? heap : Double.NaN,
                conns,
                deliveries,
                System.nanoTime());
    }

    /** Several nodes' figures as one: counters and gauges added up, the time of the first. */
    static ServerStats sum(List<ServerStats> nodes) {
        if (nodes.size() == 1) {
            return nodes.get(0);
        }
        return new ServerStats(
                nodes.stream().mapToDouble(ServerStats::cpuUsage).sum(),
                nodes.stream().mapToDouble(ServerStats::cpuSeconds).sum(),
                nodes.stream().mapToDouble(ServerStats::residentBytes).sum(),
                nodes.stream().mapToDouble(ServerStats::jvmUsedBytes).sum(),
                nodes.stream().mapToDouble(ServerStats::heapUsedBytes).sum(),
                nodes.stream().mapToDouble(ServerStats::connections).sum(),
                nodes.stream().mapToDouble(ServerStats::deliveries).sum(),
                nodes.get(0).atNanos());
    }

    static double rssFromProc(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Double.parseDouble(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
