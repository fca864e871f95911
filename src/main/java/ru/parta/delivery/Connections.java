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
 * This node's open stream connections by user, and the long-poll waiters by user. Lookups are lock-free; a user's set
 * of connections is tiny (their devices), so copy-on-write sets are cheap.
 */
@Component
public class Connections {

    private final Map<Long, Set<StreamConnection>> byUser = new ConcurrentHashMap<>();
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
        byUser.compute(connection.userId(), (user, set) -> {
            Set<StreamConnection> connections = set == null ? ConcurrentHashMap.newKeySet() : set;
            if (set == null) {
                presence().forEach(p -> p.online(user));
            }
            connections.add(connection);
            return connections;
        });
        count.incrementAndGet();
    }

    void remove(StreamConnection connection) {
        byUser.computeIfPresent(connection.userId(), (user, set) -> {
            if (set.remove(connection)) {
                count.decrementAndGet();
            }
            if (set.isEmpty()) {
                presence().forEach(p -> p.offline(user));
                return null;
            }
            return set;
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
        byUser.values().forEach(set -> set.forEach(StreamConnection::resync));
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

    Set<StreamConnection> of(long userId) {
        return byUser.getOrDefault(userId, Set.of());
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

    void closeAll(int code, String reason) {
        byUser.values().forEach(set -> set.forEach(c -> c.close(code, reason)));
    }
}
