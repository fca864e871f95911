package ru.parta.bench;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/** One run of the load tool: set up the synthetic district, connect, send on an open model, verify, report. */
public final class BenchRun {

    private static final int SETUP_PARALLELISM = 4;

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
        var http = new BenchHttp(options.target(), 4);
        var result = new BenchResult();
        result.options = options;
        ServerStats initial = ServerStats.parse(http.prometheus(), options.serverPid());
        log(
                "Target %s; %d users, %d connection(s) each",
                options.target(), options.users(), options.connectionsPerUser());

        long t0 = System.nanoTime();
        BenchHttp.Login[] users = signIn(http);
        result.setupSeconds = (System.nanoTime() - t0) / 1e9;
        List<Chat> groups = new ArrayList<>();
        List<Chat> channels = new ArrayList<>();
        if (!options.connectOnly()) {
            t0 = System.nanoTime();
            groups = groups(http, users);
            channels = channels(http, users);
            log(
                    "District: %d group chats of %d, %d channels of %d (%.1f s)",
                    groups.size(),
                    options.chatSize(),
                    channels.size(),
                    options.channelSize(),
                    (System.nanoTime() - t0) / 1e9);
        }

        int port = http.streamPort(users[0].token());
        URI stream = URI.create("ws://" + options.target().getHost() + ":" + port + "/api/v1/stream");
        int connections = options.totalConnections();
        var ledger = new DeliveryLedger(connections);
        var latency = new LatencyRecorder();
        latency.window(Long.MAX_VALUE, Long.MAX_VALUE);
        ServerStats before = memoryStats(http);

        try (var clients = new StreamClients(connections, ledger, latency, prefix)) {
            Connected connected = connectAll(http, users, clients, stream, connections, result);
            int failed = connected.failed();
            String firstFailure = connected.firstFailure();

            if (options.connectOnly()) {
                sleep(Math.min(options.duration().toMillis(), 600_000));
                ServerStats after = memoryStats(http);
                result.serverBefore = before;
                result.serverAfter = after;
                result.serverInitial = initial;
                result.ok = failed == 0;
                return result;
            }
            if (failed > 0) {
                throw new BenchException(failed + " stream connection(s) failed; not sending (" + firstFailure + ")");
            }
            load(http, users, groups, channels, ledger, latency, clients, result);
        }
        return result;
    }

    private void load(
            BenchHttp http,
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
        var seq = new AtomicLong();
        var inFlight = new AtomicInteger();
        var accepted = new AtomicLong();
        var acceptedMeasured = new AtomicLong();
        var errors = new ConcurrentHashMap<String, AtomicLong>();
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
                    boolean measured = latency.inWindow(scheduledMicros);
                    long n = seq.getAndIncrement();
                    String clientId = prefix + "-" + n + "-" + scheduledMicros;
                    if (inFlight.get() >= options.maxInFlight()) {
                        errors.computeIfAbsent("client-saturated", k -> new AtomicLong())
                                .incrementAndGet();
                        ledger.sent(n, chat.recipients(), false);
                        continue;
                    }
                    inFlight.incrementAndGet();
                    http.sendAsync(chat.id(), users[sender].token(), clientId, "bench " + clientId)
                            .whenComplete((status, e) -> {
                                boolean ok = e == null && (status == 201 || status == 200);
                                if (ok) {
                                    accepted.incrementAndGet();
                                    if (measured) {
                                        acceptedMeasured.incrementAndGet();
                                    }
                                } else {
                                    String key = e != null ? e.getClass().getSimpleName() : "http-" + status;
                                    errors.computeIfAbsent(key, k -> new AtomicLong())
                                            .incrementAndGet();
                                }
                                ledger.sent(n, chat.recipients(), ok);
                                inFlight.decrementAndGet();
                            });
                }
                if (issued[s] < schedule.count()) {
                    done = false;
                }
            }
            if (now >= nextSample) {
                ServerStats st = ServerStats.parse(http.prometheus(), options.serverPid());
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
        ServerStats windowEnd = ServerStats.parse(http.prometheus(), options.serverPid());
        long drainDeadline = System.nanoTime() + options.drain().toNanos();
        while (System.nanoTime() < drainDeadline && (inFlight.get() > 0 || ledger.outstanding() > 0)) {
            sleep(50);
        }
        sleep(300);
        result.sent = seq.get();
        result.accepted = accepted.get();
        result.inFlightAtEnd = inFlight.get();
        errors.forEach((k, v) -> result.errors.put(k, v.get()));
        double seconds = options.duration().toNanos() / 1e9;
        result.acceptedPerSecond = acceptedMeasured.get() / seconds;
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
     * Server figures for a memory comparison. With {@code --server-pid} (a local server) a full GC runs first
     * ({@code jcmd PID GC.run}), so the heap figure is what the connections retain, not garbage that happens to be
     * uncollected.
     */
    private record Connected(int failed, String firstFailure) {}

    /** Opens every stream connection (hello with the user's cursors) and records connect times in the result. */
    private Connected connectAll(
            BenchHttp http,
            BenchHttp.Login[] users,
            StreamClients clients,
            URI stream,
            int connections,
            BenchResult result) {
        Map<Integer, Map<Long, Long>> cursors = parallel(options.users(), u -> http.cursors(users[u].token()));
        long t0 = System.nanoTime();
        List<CompletableFuture<Void>> ready = new ArrayList<>(connections);
        for (int u = 0; u < options.users(); u++) {
            for (int k = 0; k < options.connectionsPerUser(); k++) {
                int index = u * options.connectionsPerUser() + k;
                ready.add(clients.open(index, stream, users[u].token(), cursors.get(u)));
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

    private ServerStats memoryStats(BenchHttp http) {
        if (options.serverPid() > 0) {
            try {
                var jcmd = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd");
                var p = new ProcessBuilder(jcmd.toString(), String.valueOf(options.serverPid()), "GC.run")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (p.waitFor(60, TimeUnit.SECONDS)) {
                    sleep(1500);
                } else {
                    p.destroy();
                }
            } catch (java.io.IOException e) {
                log("Could not run jcmd for a GC before measuring memory: %s", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ServerStats.parse(http.prometheus(), options.serverPid());
    }

    private BenchHttp.Login[] signIn(BenchHttp http) {
        var users = new BenchHttp.Login[options.users()];
        var admin = new Object() {
            volatile String token;
        };
        var created = new AtomicInteger();
        var done = new AtomicInteger();
        SessionCache cache =
                SessionCache.load(options.sessions(), options.target().toString());
        var reused = new AtomicInteger();
        Map<Integer, BenchHttp.Login> logins = parallel(options.users(), u -> {
            String login = "bench-" + (u + 1);
            BenchHttp.Login cached = cache.get(login);
            if (cached != null
                    && http.call("GET", "/api/v1/me", cached.token(), null).status() == 200) {
                reused.incrementAndGet();
                return cached;
            }
            // create first (409 when it exists): failed logins would count towards the server's back-off
            synchronized (admin) {
                if (admin.token == null) {
                    BenchHttp.Login a = http.login(options.adminLogin(), options.adminPassword());
                    if (a == null) {
                        throw new BenchException("admin login " + options.adminLogin() + " refused; give"
                                + " --admin-login and --admin-password of a system administrator");
                    }
                    admin.token = a.token();
                }
            }
            if (http.createUser(admin.token, login, options.userPassword())) {
                created.incrementAndGet();
            }
            BenchHttp.Login l = http.login(login, options.userPassword());
            if (l == null) {
                throw new BenchException(login + " exists with another password; pass --user-password");
            }
            cache.put(login, l);
            int d = done.incrementAndGet();
            if (d % 1000 == 0) {
                log("  signed in %d of %d users", d, options.users());
            }
            return l;
        });
        logins.forEach((u, l) -> users[u] = l);
        cache.save();
        log("Users: %d ready (%d created, %d sessions reused)", users.length, created.get(), reused.get());
        return users;
    }

    private int[] recipients(int[] memberUsers) {
        int per = options.connectionsPerUser();
        int[] r = new int[memberUsers.length * per];
        for (int i = 0; i < memberUsers.length; i++) {
            for (int k = 0; k < per; k++) {
                r[i * per + k] = memberUsers[i] * per + k;
            }
        }
        return r;
    }

    private List<Chat> groups(BenchHttp http, BenchHttp.Login[] users) {
        int size = options.chatSize();
        Map<Integer, Chat> chats = parallel(options.groupCount(), g -> {
            int[] members = new int[size];
            for (int i = 0; i < size; i++) {
                members[i] = g * size + i;
            }
            String title = "bench-group-s" + size + "-" + g;
            return new Chat(findOrCreate(http, users, members, "GROUP", title), members, recipients(members));
        });
        return new ArrayList<>(new java.util.TreeMap<>(chats).values());
    }

    private List<Chat> channels(BenchHttp http, BenchHttp.Login[] users) {
        int size = options.channelSize();
        List<Chat> result = new ArrayList<>();
        for (int c = 0; c < options.channels(); c++) {
            int[] members = new int[size];
            for (int i = 0; i < size; i++) {
                members[i] = (c * size + i) % options.users();
            }
            String title = "bench-channel-m" + size + "-" + c;
            result.add(new Chat(findOrCreate(http, users, members, "CHANNEL", title), members, recipients(members)));
        }
        return result;
    }

    private long findOrCreate(BenchHttp http, BenchHttp.Login[] users, int[] members, String kind, String title) {
        String owner = users[members[0]].token();
        long[] existing = http.chats(owner).get(title);
        if (existing != null) {
            return existing[0];
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i < members.length; i++) {
            ids.add(users[members[i]].userId());
        }
        long id = http.createChat(owner, kind, title, ids.subList(0, Math.min(ids.size(), 499)));
        for (int from = 499; from < ids.size(); from += 500) {
            http.addMembers(owner, id, ids.subList(from, Math.min(ids.size(), from + 500)));
        }
        return id;
    }

    private static <T> Map<Integer, T> parallel(int n, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(SETUP_PARALLELISM);
        try {
            List<Future<T>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            Map<Integer, T> result = new HashMap<>();
            for (int i = 0; i < n; i++) {
                try {
                    result.put(i, futures.get(i).get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof BenchException b
                            ? b
                            : new BenchException(e.getCause().toString());
                }
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        } finally {
            pool.shutdownNow();
        }
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
