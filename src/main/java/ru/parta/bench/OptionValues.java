package ru.parta.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Parsing and bounds of the load tool's option values. Every refusal is an {@link BenchOptions.InvalidOptionException}
 * whose message names the option and the accepted range; the loopback check is the tool's guard against loading a
 * server nobody asked it to load.
 */
final class OptionValues {

    private OptionValues() {}

    static URI parseTarget(String value) {
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (uri.getHost() == null) {
                throw new BenchOptions.InvalidOptionException("--target has no host: " + value);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new BenchOptions.InvalidOptionException("--target is not a URL: " + value);
        }
    }

    /** Load goes to loopback (127.0.0.0/8, ::1) only, unless {@code --allow-remote} names exactly this host. */
    static void checkLoopback(String host, Set<String> allowed) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (allowed.contains(h.toLowerCase(Locale.ROOT))) {
            return;
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(h)) {
                if (!a.isLoopbackAddress()) {
                    throw new BenchOptions.InvalidOptionException("Refusing to load " + host + " (" + a.getHostAddress()
                            + "): not a loopback address. Pass --allow-remote " + host
                            + " if you really mean to load that server.");
                }
            }
        } catch (UnknownHostException e) {
            throw new BenchOptions.InvalidOptionException("Unknown host " + host);
        }
    }

    static int intIn(String name, String value, int min, int max) {
        long v;
        try {
            v = Long.parseLong(value.replace("_", "").strip());
        } catch (NumberFormatException e) {
            throw new BenchOptions.InvalidOptionException(name + " needs a whole number, got '" + value + "'");
        }
        if (v < min || v > max) {
            throw new BenchOptions.InvalidOptionException(
                    name + " must be between " + min + " and " + max + ", got " + v);
        }
        return (int) v;
    }

    static double doubleIn(String name, String value, double min, double max) {
        double v;
        try {
            v = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new BenchOptions.InvalidOptionException(name + " needs a number, got '" + value + "'");
        }
        if (!(v >= min && v <= max)) {
            throw new BenchOptions.InvalidOptionException(
                    name + " must be between " + min + " and " + max + ", got " + value);
        }
        return v;
    }

    static Duration parseDuration(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
            }
            if (v.endsWith("h")) {
                return Duration.ofMinutes(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60));
            }
            if (v.endsWith("m")) {
                return Duration.ofSeconds(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60));
            }
            return Duration.ofSeconds(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Duration durationIn(String name, String value, Duration min, Duration max) {
        Duration d = parseDuration(value);
        if (d == null) {
            throw new BenchOptions.InvalidOptionException(
                    name + " needs a duration such as 30s or 2m, got '" + value + "'");
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new BenchOptions.InvalidOptionException(
                    name + " must be between " + min.toSeconds() + "s and " + max.toSeconds() + "s, got " + value);
        }
        return d;
    }
}
