package ru.parta.delivery;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.parta.accounts.SessionRevoked;

/**
 * This node's open stream connections by user, and the long-poll waiters by user. Lookups are lock-free and allocate
 * nothing: a user's connections (their devices, a handful) are an immutable array, replaced whole under the map's
 * per-key lock when one opens or closes, so a delivery walks a plain array.
 */
@Component
public class Connections {

    private static final StreamConnection[] NONE = new StreamConnection[0];

    private final Map<Long, StreamConnection[]> byUser = new ConcurrentHashMap<>();
    private final Map<Long, List<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final org.springframework.beans.factory.ObjectProvider<Presence> presenceProvider;
    private volatile List<Presence> presence;

    Connections(org.springframework.beans.factory.ObjectProvider<Presence> presence) {
        this.presenceProvider = presence;
    }

    private List<Presence> presence() {
        List<Presence> p = presence;
        if (p == null) {
            p = presenceProvider.orderedStream().toList();
            presence = p;
        }
        return p;
    }

    void add(StreamConnection connection) {
        byUser.compute(connection.userId(), (user, current) -> {
            if (current == null) {
                presence().forEach(p -> p.online(user));
                count.incrementAndGet();
                return new StreamConnection[] {connection};
            }
            for (StreamConnection c : current) {
                if (c == connection) {
                    return current;
                }
            }
            StreamConnection[] more = java.util.Arrays.copyOf(current, current.length + 1);
            more[current.length] = connection;
            count.incrementAndGet();
            return more;
        });
    }

    void remove(StreamConnection connection) {
        byUser.computeIfPresent(connection.userId(), (user, current) -> {
            StreamConnection[] fewer = java.util.Arrays.stream(current)
                    .filter(c -> c != connection)
                    .toArray(StreamConnection[]::new);
            if (fewer.length < current.length) {
                count.decrementAndGet();
            }
            if (fewer.length == 0) {
                presence().forEach(p -> p.offline(user));
                return null;
            }
            return fewer;
        });
    }

    /** Every user with a stream connection on this node. */
    public Set<Long> users() {
        return Set.copyOf(byUser.keySet());
    }

    /**
     * Makes every local connection re-read its chats and catch up from the database, after this node may have missed
     * pushes (the bus was down). Nothing is delivered twice: cursors still decide.
     */
    public void resyncAll() {
        each(StreamConnection::resync);
    }

    /** Makes one user's local connections re-read their chats and catch up from the database. */
    public void resync(long userId) {
        for (StreamConnection c : of(userId)) {
            c.resync();
        }
    }

    /** Closes the local streams of a session revoked anywhere in the cluster. */
    public void closeSession(long userId, long sessionId) {
        for (StreamConnection c : of(userId)) {
            if (c.sessionId() == sessionId) {
                c.close(4001, "SESSION_REVOKED");
            }
        }
    }

    StreamConnection[] of(long userId) {
        return byUser.getOrDefault(userId, NONE);
    }

    int size() {
        return count.get();
    }

    /** Registers a long-poll waiter; complete it by {@link #wake}. Register before reading, so no event slips by. */
    CompletableFuture<Void> waiter(long userId) {
        var future = new CompletableFuture<Void>();
        waiters.computeIfAbsent(userId, k -> new CopyOnWriteArrayList<>()).add(future);
        return future;
    }

    void forget(long userId, CompletableFuture<Void> future) {
        waiters.computeIfPresent(userId, (k, list) -> {
            list.remove(future);
            return list.isEmpty() ? null : list;
        });
    }

    void wake(long userId) {
        if (waiters.isEmpty()) {
            return; // the common case on the hot path: nobody long-polls
        }
        var list = waiters.remove(userId);
        if (list != null) {
            list.forEach(f -> f.complete(null));
        }
    }

    /** Closes every stream of a revoked session at once. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(SessionRevoked revoked) {
        closeSession(revoked.userId(), revoked.sessionId());
    }

    private void each(java.util.function.Consumer<StreamConnection> action) {
        for (StreamConnection[] list : byUser.values()) {
            for (StreamConnection c : list) {
                action.accept(c);
            }
        }
    }

    void closeAll(int code, String reason) {
        each(c -> c.close(code, reason));
    }
}
