package ru.parta.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The synthetic district a run needs on the target: users {@code bench-1…N} (created through the admin API or reused,
 * with their sessions cached so reruns skip the slow bcrypt sign-ins), group chats and channels found by title or
 * created. Idempotent: a second run against the same server reuses everything.
 */
final class SyntheticDistrict {

    private static final int SETUP_PARALLELISM = 4;

    /** Progress messages, formatted like {@link String#format}. */
    interface Log {
        void accept(String format, Object... args);
    }

    private final BenchOptions options;
    private final Log log;

    SyntheticDistrict(BenchOptions options, Log log) {
        this.options = options;
        this.log = log;
    }

    BenchHttp.Login[] signIn(BenchHttp http) {
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
                log.accept("  signed in %d of %d users", d, options.users());
            }
            return l;
        });
        logins.forEach((u, l) -> users[u] = l);
        cache.save();
        log.accept("Users: %d ready (%d created, %d sessions reused)", users.length, created.get(), reused.get());
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

    List<BenchRun.Chat> groups(BenchHttp http, BenchHttp.Login[] users) {
        int size = options.chatSize();
        Map<Integer, BenchRun.Chat> chats = parallel(options.groupCount(), g -> {
            int[] members = new int[size];
            for (int i = 0; i < size; i++) {
                members[i] = g * size + i;
            }
            String title = "bench-group-s" + size + "-" + g;
            return new BenchRun.Chat(findOrCreate(http, users, members, "GROUP", title), members, recipients(members));
        });
        return new ArrayList<>(new java.util.TreeMap<>(chats).values());
    }

    List<BenchRun.Chat> channels(BenchHttp http, BenchHttp.Login[] users) {
        int size = options.channelSize();
        List<BenchRun.Chat> result = new ArrayList<>();
        for (int c = 0; c < options.channels(); c++) {
            int[] members = new int[size];
            for (int i = 0; i < size; i++) {
                members[i] = (c * size + i) % options.users();
            }
            String title = "bench-channel-m" + size + "-" + c;
            result.add(new BenchRun.Chat(
                    findOrCreate(http, users, members, "CHANNEL", title), members, recipients(members)));
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

    static <T> Map<Integer, T> parallel(int n, IntFunction<T> task) {
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
}
