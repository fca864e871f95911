package ru.parta.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The load tool's options, parsed and checked. Every value is bounded; loopback targets only, unless the user names the
 * remote host with {@code --allow-remote HOST}.
 */
public record BenchOptions(
        URI target,
        int users,
        int chatSize,
        int channels,
        int channelSize,
        double rate,
        double channelRate,
        Duration duration,
        Duration warmup,
        Duration drain,
        boolean connectOnly,
        int connectionsPerUser,
        int processes,
        String json,
        String adminLogin,
        String adminPassword,
        String userPassword,
        int maxInFlight,
        boolean sendOverHttp,
        long serverPid,
        String sessions,
        Set<String> allowedRemote,
        int worker,
        List<URI> streamTargets) {

    public static final int MAX_USERS = 50_000;
    public static final int MAX_CONNECTIONS = 100_000;
    public static final int MAX_CHAT_SIZE = 500;
    public static final int MAX_CHANNEL_SIZE = 20_000;
    public static final int MAX_CHANNELS = 100;
    public static final double MAX_RATE = 5_000;
    public static final Duration MAX_DURATION = Duration.ofMinutes(10);
    public static final int MAX_PROCESSES = 16;

    public static final String USAGE = """
            Usage: java -jar parta.jar bench [options]
              --target URL            server base URL (default http://127.0.0.1:8080); loopback only
              --allow-remote HOST     permit a non-loopback target on exactly this host
              --users N               synthetic users bench-1..bench-N (default 300, max 50000)
              --chat-size N           members per group chat (default 30, 2..500)
              --channels K            announcement channels (default 0, max 100)
              --channel-size M        members per channel (default 3000, max 20000, <= users)
              --rate R                group messages per second, open model (default 50, max 5000)
              --channel-rate R        channel announcements per second (default 0.5 when --channels > 0)
              --duration D            measured time, e.g. 30s, 2m (default 30s, max 10m)
              --warmup D              unmeasured sends first (default 20s: the tool's own JIT compiles for ~15 s)
              --drain D               time to wait for outstanding deliveries (default 10s)
              --connect-only          only open idle connections and measure server memory per connection
              --connections-per-user N  streams per user (default 1, max 50): devices of one person
              --processes P           client processes for the connections (default 1, max 16; with
                                      --connect-only): one process holds at most ~19,000 of them
              --json FILE             also write the results as JSON
              --admin-login L / --admin-password P   a system administrator (default admin / parta-demo)
              --user-password P       password of the synthetic users (default bench-password-42)
              --max-in-flight N       unanswered sends at once (default 256)
              --send-over stream|http send frames on each sender's own WebSocket (default), or
                                      POST /api/v1/chats/{id}/messages per message
              --sessions FILE         reuse the synthetic users' sign-ins across runs (default
                                      parta-bench-sessions.txt; "none" signs in afresh: bcrypt is slow)
              --stream-targets URLS   comma-separated nodes of a cluster whose streams the clients open,
                                      round-robin (default: the target); CPU is summed over every node
              --server-pid PID        a local server's pid: RSS from /proc/PID/status, and a full GC
                                      (jcmd PID GC.run) before each memory reading
            """;

    /** Refused parameters: the message says which and why. */
    public static final class InvalidOptionException extends IllegalArgumentException {
        public InvalidOptionException(String message) {
            super(message);
        }
    }

    public int totalConnections() {
        return users * connectionsPerUser;
    }

    /** The users whose connections this process opens: slice {@code worker} of {@code processes}. */
    public int firstUser() {
        return (int) ((long) users * worker / processes);
    }

    public int endUser() {
        return (int) ((long) users * (worker + 1) / processes);
    }

    public int groupCount() {
        return users / chatSize;
    }

    public static BenchOptions parse(String... args) {
        URI target = URI.create("http://127.0.0.1:8080");
        int users = 300;
        int chatSize = 30;
        int channels = 0;
        int channelSize = 3000;
        double rate = 50;
        Double channelRate = null;
        Duration duration = Duration.ofSeconds(30);
        Duration warmup = Duration.ofSeconds(20);
        Duration drain = Duration.ofSeconds(10);
        boolean connectOnly = false;
        int perUser = 1;
        int processes = 1;
        String json = null;
        String adminLogin = "admin";
        String adminPassword = "parta-demo";
        String userPassword = "bench-password-42";
        int maxInFlight = 256;
        boolean sendOverHttp = false;
        long serverPid = 0;
        String sessions = "parta-bench-sessions.txt";
        Set<String> allowed = new LinkedHashSet<>();
        int worker = 0;
        boolean channelSizeGiven = false;
        List<URI> streamTargets = new ArrayList<>();
        List<String> rest = new ArrayList<>(List.of(args));
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--connect-only")) {
                connectOnly = true;
                continue;
            }
            if (name.equals("--help") || name.equals("-h")) {
                throw new InvalidOptionException(USAGE);
            }
            if (value == null) {
                if (i + 1 >= rest.size()) {
                    throw new InvalidOptionException("Option " + name + " needs a value.\n" + USAGE);
                }
                value = rest.get(++i);
            }
            switch (name) {
                case "--target" -> target = OptionValues.parseTarget(value);
                case "--allow-remote" -> allowed.add(value.toLowerCase(Locale.ROOT));
                case "--users" -> users = OptionValues.intIn(name, value, 1, MAX_USERS);
                case "--chat-size" -> chatSize = OptionValues.intIn(name, value, 2, MAX_CHAT_SIZE);
                case "--channels" -> channels = OptionValues.intIn(name, value, 0, MAX_CHANNELS);
                case "--channel-size" -> {
                    channelSize = OptionValues.intIn(name, value, 2, MAX_CHANNEL_SIZE);
                    channelSizeGiven = true;
                }
                case "--rate" -> rate = OptionValues.doubleIn(name, value, 0, MAX_RATE);
                case "--channel-rate" -> channelRate = OptionValues.doubleIn(name, value, 0, 100);
                case "--duration" ->
                    duration = OptionValues.durationIn(name, value, Duration.ofSeconds(1), MAX_DURATION);
                case "--warmup" -> warmup = OptionValues.durationIn(name, value, Duration.ZERO, Duration.ofMinutes(5));
                case "--drain" ->
                    drain = OptionValues.durationIn(name, value, Duration.ofSeconds(1), Duration.ofMinutes(5));
                case "--connections-per-user" -> perUser = OptionValues.intIn(name, value, 1, 50);
                case "--processes" -> processes = OptionValues.intIn(name, value, 1, MAX_PROCESSES);
                case "--worker" -> worker = OptionValues.intIn(name, value, 1, MAX_PROCESSES - 1);
                case "--json" -> json = value;
                case "--admin-login" -> adminLogin = value;
                case "--admin-password" -> adminPassword = value;
                case "--user-password" -> userPassword = value;
                case "--max-in-flight" -> maxInFlight = OptionValues.intIn(name, value, 1, 4096);
                case "--send-over" ->
                    sendOverHttp = switch (value) {
                        case "http" -> true;
                        case "stream" -> false;
                        default ->
                            throw new InvalidOptionException("--send-over must be stream or http, got '" + value + "'");
                    };
                case "--sessions" -> sessions = value.equals("none") ? null : value;
                case "--server-pid" -> serverPid = OptionValues.intIn(name, value, 1, Integer.MAX_VALUE);
                case "--stream-targets" -> {
                    streamTargets.clear();
                    for (String node : value.split(",")) {
                        streamTargets.add(OptionValues.parseTarget(node.strip()));
                    }
                }
                default -> throw new InvalidOptionException("Unknown option " + name + "\n" + USAGE);
            }
        }
        if (!"http".equals(target.getScheme()) && !"https".equals(target.getScheme())) {
            throw new InvalidOptionException("--target must be an http:// or https:// URL: " + target);
        }
        OptionValues.checkLoopback(target.getHost(), allowed);
        for (URI node : streamTargets) {
            OptionValues.checkLoopback(node.getHost(), allowed);
        }
        if (channels > 0 && !channelSizeGiven) {
            channelSize = Math.min(channelSize, users);
        }
        if (channels > 0 && channelSize > users) {
            throw new InvalidOptionException("--channel-size " + channelSize + " is larger than --users " + users
                    + ": a channel needs that many" + " synthetic users.");
        }
        if (!connectOnly && channels == 0 && chatSize > users) {
            throw new InvalidOptionException(
                    "--chat-size " + chatSize + " is larger than --users " + users + ": no chat can be filled.");
        }
        if ((long) users * perUser > MAX_CONNECTIONS) {
            throw new InvalidOptionException(
                    "At most " + MAX_CONNECTIONS + " connections (--users x" + " --connections-per-user) are allowed.");
        }
        double cr = channelRate != null ? channelRate : (channels > 0 ? 0.5 : 0);
        if (!connectOnly && rate == 0 && cr == 0) {
            throw new InvalidOptionException("Nothing to send: give --rate or --channels with --channel-rate.");
        }
        if (cr > 0 && channels == 0) {
            throw new InvalidOptionException("--channel-rate needs --channels.");
        }
        long fanOutPerSecond = (long) (rate * chatSize + cr * channelSize);
        if (!connectOnly && fanOutPerSecond > 2_000_000) {
            throw new InvalidOptionException("Rate x recipients = " + fanOutPerSecond
                    + " deliveries/s is absurd for one machine (limit 2,000,000).");
        }
        if (processes > 1 && !connectOnly) {
            throw new InvalidOptionException("--processes > 1 works with --connect-only only: one process sends and"
                    + " checks exactly-once for up to ~19,000 connections.");
        }
        if (worker >= processes) {
            throw new InvalidOptionException("--worker " + worker + " needs --processes > " + worker);
        }
        if (processes > 1 && (long) users * perUser < processes) {
            throw new InvalidOptionException("--processes " + processes + " exceeds the number of connections.");
        }
        return new BenchOptions(
                target,
                users,
                chatSize,
                channels,
                channelSize,
                rate,
                cr,
                duration,
                warmup,
                drain,
                connectOnly,
                perUser,
                processes,
                json,
                adminLogin,
                adminPassword,
                userPassword,
                maxInFlight,
                sendOverHttp,
                serverPid,
                sessions,
                Set.copyOf(allowed),
                worker,
                streamTargets.isEmpty() ? List.of(target) : List.copyOf(streamTargets));
    }

    /** Every node the run touches: the target, then the stream targets not equal to it. */
    public List<URI> nodes() {
        var all = new LinkedHashSet<URI>();
        all.add(target);
        all.addAll(streamTargets);
        return List.copyOf(all);
    }
}
