package ru.parta.bench;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/** One run of the load tool: set up the synthetic district, connect, send on an open model, verify, report. */
public final class BenchRun {

    private final BenchOptions options;
    private final java.io.PrintStream out;
    private final String prefix;

    public BenchRun(BenchOptions options, java.io.PrintStream out) {
        this.options = options;
        this.out = out;
        var random = new SecureRandom();
        var sb = new StringBuilder("b");
        for (int i = 0; i < 6; i++) {
            sb.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
        }
        this.prefix = sb.toString();
    }

    /** A chat of the synthetic district and the connections that must receive its messages. */
    record Chat(long id, int[] memberUsers, int[] recipients) {}

    public BenchResult run() {
        var district = new SyntheticDistrict(options, this::log);
        var http = new BenchHttp(options.target(), 4);
        var result = new BenchResult();
        result.options = options;
        ServerStats initial = ServerStats.parse(http.prometheus(), options.serverPid());
        log(
                "Target %s; %d users, %d connection(s) each",
                options.target(), options.users(), options.connectionsPerUser());

        long t0 = System.nanoTime();
        BenchHttp.Login[] users = district.signIn(http);
        result.setupSeconds = (System.nanoTime() - t0) / 1e9;
        List<Chat> groups = new ArrayList<>();
        List<Chat> channels = new ArrayList<>();
        if (!options.connectOnly()) {
            t0 = System.nanoTime();
            groups = district.groups(http, users);
            channels = district.channels(http, users);
            log(
                    "District: %d group chats of %d, %d channels of %d (%.1f s)",
                    groups.size(),
                    options.chatSize(),
                    channels.size(),
                    options.channelSize(),
                    (System.nanoTime() - t0) / 1e9);
        }

        List<URI> streams = new ArrayList<>();
        for (URI node : options.streamTargets()) {
            int port = new BenchHttp(node, 1).streamPort(users[0].token());
            streams.add(URI.create("ws://" + node.getHost() + ":" + port + "/api/v1/stream"));
        }
        List<BenchHttp> nodes =
                options.nodes().stream().map(node -> new BenchHttp(node, 1)).toList();
        int connections = options.totalConnections();
        var ledger = new DeliveryLedger(connections);
        var latency = new LatencyRecorder();
        latency.window(Long.MAX_VALUE, Long.MAX_VALUE);
        ServerStats before = ServerProbe.memory(http, options.serverPid(), this::log);

        try (var clients = new StreamClients(connections, ledger, latency, prefix);
                var workers = options.processes() > 1 ? ClientProcesses.start(options.processes()) : null) {
            long connectStart = System.nanoTime();
            Connected connected = connectAll(http, users, clients, streams, result);
            int failed = connected.failed();
            String firstFailure = connected.firstFailure();
            if (workers != null) {
                ClientProcesses.Slice others = workers.awaitReady(900);
                result.connections += others.opened();
                result.connectFailures += others.failed();
                failed += others.failed();
                result.connectSeconds = (System.nanoTime() - connectStart) / 1e9;
                log(
                        "All %d client processes ready: %d streams open, %d failed (%.1f s)",
                        options.processes(), result.connections, failed, result.connectSeconds);
            }

            if (options.connectOnly()) {
                sleep(Math.min(options.duration().toMillis(), 600_000));
                ServerStats after = ServerProbe.memory(http, options.serverPid(), this::log);
                result.serverBefore = before;
                result.serverAfter = after;
                result.serverInitial = initial;
                result.ok = failed == 0;
                return result;
            }
            if (failed > 0) {
                throw new BenchException(failed + " stream connection(s) failed; not sending (" + firstFailure + ")");
            }
            load(http, nodes, users, groups, channels, ledger, latency, clients, result);
        }
        return result;
    }

    /**
     * A client process of {@code --processes} (see {@link ClientProcesses}): opens its slice of the connections,
     * reports them on {@code stdout}, and holds them until the parent releases it.
     */
    void runWorker(java.io.PrintStream stdout) {
        var district = new SyntheticDistrict(options, this::log);
        var http = new BenchHttp(options.target(), 4);
        BenchHttp.Login[] users = district.signIn(http);
        List<URI> streams = new ArrayList<>();
        for (URI node : options.streamTargets()) {
            int port = new BenchHttp(node, 1).streamPort(users[0].token());
            streams.add(URI.create("ws://" + node.getHost() + ":" + port + "/api/v1/stream"));
        }
        int connections = options.totalConnections();
        try (var clients =
                new StreamClients(connections, new DeliveryLedger(connections), new LatencyRecorder(), prefix)) {
            var result = new BenchResult();
            Connected connected = connectAll(http, users, clients, streams, result);
            stdout.println(ClientProcesses.READY + " " + result.connections + " " + connected.failed());
            stdout.flush();
            ClientProcesses.holdUntilReleased(options.duration().toSeconds() + 900);
        }
    }

    private void load(
            BenchHttp http,
            List<BenchHttp> nodes,
            BenchHttp.Login[] users,
            List<Chat> groups,
            List<Chat> channels,
            DeliveryLedger ledger,
            LatencyRecorder latency,
            StreamClients clients,
            BenchResult result) {
        long warmup = options.warmup().toNanos();
        long total = warmup + options.duration().toNanos();
        long nowNanos = System.nanoTime();
        long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        long start = nowNanos + 200_000_000L;
        long startMicros = nowMicros + 200_000;
        latency.window(startMicros + warmup / 1000, startMicros + total / 1000);
        var groupSchedule =
                options.rate() > 0 && !groups.isEmpty() ? new OpenModelSchedule(start, options.rate(), total) : null;
        var channelSchedule = options.channelRate() > 0 && !channels.isEmpty()
                ? new OpenModelSchedule(start, options.channelRate(), total)
                : null;
        var tally = new SendTally();
        long[] issued = new long[2];
        List<ServerStats> samples = new ArrayList<>();
        ServerStats windowStart = null;
        long nextSample = start + warmup;
        log(
                "Sending: %.1f msg/s to groups, %.2f msg/s to channels, warm-up %d s, measured %d s (run %s)",
                options.rate(),
                options.channelRate(),
                options.warmup().toSeconds(),
                options.duration().toSeconds(),
                prefix);
        while (true) {
            long now = System.nanoTime();
            boolean done = true;
            for (int s = 0; s < 2; s++) {
                OpenModelSchedule schedule = s == 0 ? groupSchedule : channelSchedule;
                if (schedule == null) {
                    continue;
                }
                long due = schedule.dueBy(now);
                for (; issued[s] < due; issued[s]++) {
                    List<Chat> chats = s == 0 ? groups : channels;
                    Chat chat = chats.get((int) (issued[s] % chats.size()));
                    int sender = s == 0
                            ? chat.memberUsers()[ThreadLocalRandom.current().nextInt(chat.memberUsers().length)]
                            : chat.memberUsers()[0];
                    long scheduledMicros = startMicros + (schedule.scheduledAt(issued[s]) - start) / 1000;
                    issue(http, clients, users, chat, sender, scheduledMicros, latency, ledger, tally);
                }
                if (issued[s] < schedule.count()) {
                    done = false;
                }
            }
            if (now >= nextSample) {
                ServerStats st = ServerProbe.cluster(nodes, options.serverPid());
                if (windowStart == null) {
                    windowStart = st;
                } else {
                    samples.add(st);
                }
                nextSample += 2_000_000_000L;
            }
            if (done) {
                break;
            }
            LockSupport.parkNanos(200_000);
        }
        ServerStats windowEnd = ServerProbe.cluster(nodes, options.serverPid());
        long drainDeadline = System.nanoTime() + options.drain().toNanos();
        while (System.nanoTime() < drainDeadline && (tally.inFlight.get() > 0 || ledger.outstanding() > 0)) {
            sleep(50);
        }
        sleep(300);
        double seconds = options.duration().toNanos() / 1e9;
        tally.fill(result, seconds);
        result.deliveriesPerSecond = clients.measuredDeliveries.get() / seconds;
        result.latency = latency;
        result.expectedDeliveries = ledger.expected();
        result.receivedDeliveries = ledger.received();
        result.verdict = ledger.verify();
        result.serverInitial = windowStart;
        result.serverBefore = windowStart;
        result.serverAfter = windowEnd;
        if (windowStart != null && !Double.isNaN(windowStart.cpuSeconds()) && !Double.isNaN(windowEnd.cpuSeconds())) {
            result.serverCpuCores = (windowEnd.cpuSeconds() - windowStart.cpuSeconds())
                    / ((windowEnd.atNanos() - windowStart.atNanos()) / 1e9);
        }
        result.serverCpuUsageMean =
                samples.stream().mapToDouble(ServerStats::cpuUsage).average().orElse(Double.NaN);
        result.ok = result.verdict.ok();
    }

    /**
     * Issues one scheduled send, unless {@code --max-in-flight} sends are unanswered (then it is counted as
     * {@code client-saturated} and owed to nobody); the answer is recorded in the tally and the ledger.
     */
    private void issue(
            BenchHttp http,
            StreamClients clients,
            BenchHttp.Login[] users,
            Chat chat,
            int sender,
            long scheduledMicros,
            LatencyRecorder latency,
            DeliveryLedger ledger,
            SendTally tally) {
        boolean measured = latency.inWindow(scheduledMicros);
        long n = tally.seq.getAndIncrement();
        String clientId = prefix + "-" + n + "-" + scheduledMicros;
        if (tally.inFlight.get() >= options.maxInFlight()) {
            tally.error("client-saturated");
            ledger.sent(n, chat.recipients(), false);
            return;
        }
        tally.inFlight.incrementAndGet();
        sendOne(http, clients, users, sender, chat.id(), clientId).whenComplete((error, e) -> {
            String outcome = e != null ? e.getClass().getSimpleName() : error;
            tally.answered(outcome, measured);
            ledger.sent(n, chat.recipients(), outcome == null);
        });
    }

    /** One send, over the sender's stream or HTTP; completes with null when accepted, else an error key. */
    private CompletableFuture<String> sendOne(
            BenchHttp http, StreamClients clients, BenchHttp.Login[] users, int sender, long chatId, String clientId) {
        // a fixed text: one carrying the random client id could spell a filtered word and have the whole run refused
        String text = "Нагрузочный тест: проверка доставки";
        if (options.sendOverHttp()) {
            return http.sendAsync(chatId, users[sender].token(), clientId, text)
                    .thenApply(status -> status == 201 || status == 200 ? null : "http-" + status);
        }
        return clients.send(sender * options.connectionsPerUser(), chatId, clientId, text);
    }

    /**
     * Server figures for a memory comparison. With {@code --server-pid} (a local server) a full GC runs first
     * ({@code jcmd PID GC.run}), so the heap figure is what the connections retain, not garbage that happens to be
     * uncollected.
     */
    private record Connected(int failed, String firstFailure) {}

    /** Opens every stream connection (hello with the user's cursors) and records connect times in the result. */
    private Connected connectAll(
            BenchHttp http, BenchHttp.Login[] users, StreamClients clients, List<URI> streams, BenchResult result) {
        int from = options.firstUser();
        int to = options.endUser();
        int perUser = options.connectionsPerUser();
        int connections = (to - from) * perUser;
        // every connection says where its chats are, or the server would replay their whole history to it
        Map<Integer, Map<Long, Long>> cursors = SyntheticDistrict.parallel(
                options.users(), u -> u >= from && u < to ? http.cursors(users[u].token()) : Map.<Long, Long>of());
        long t0 = System.nanoTime();
        List<CompletableFuture<Void>> ready = new ArrayList<>(connections);
        for (int u = from; u < to; u++) {
            for (int k = 0; k < perUser; k++) {
                int index = u * perUser + k;
                ready.add(clients.open(
                        index,
                        streams.get(index % streams.size()),
                        users[u].token(),
                        cursors.getOrDefault(u, Map.of())));
            }
        }
        int failed = 0;
        String firstFailure = null;
        for (var f : ready) {
            try {
                f.get(120, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                failed++;
                if (firstFailure == null) {
                    firstFailure = String.valueOf(e.getCause() != null ? e.getCause() : e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchException("interrupted");
            }
        }
        result.connectSeconds = (System.nanoTime() - t0) / 1e9;
        result.connections = connections - failed;
        result.connectFailures = failed;
        result.connectP50Millis = clients.connectMicros.getValueAtPercentile(50) / 1000.0;
        result.connectP99Millis = clients.connectMicros.getValueAtPercentile(99) / 1000.0;
        result.connectMaxMillis = clients.connectMicros.getMaxValue() / 1000.0;
        result.transport = clients.epoll() ? "epoll" : "nio";
        log(
                "Connected %d of %d streams in %.1f s (%s)%s",
                result.connections,
                connections,
                result.connectSeconds,
                result.transport,
                failed > 0 ? "; first failure: " + firstFailure : "");
        return new Connected(failed, firstFailure);
    }

    private void log(String format, Object... args) {
        out.println(String.format(java.util.Locale.ROOT, format, args));
        out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, Object> ordered() {
        return new LinkedHashMap<>();
    }
}
