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
class Connections {

    private final Map<Long, Set<StreamConnection>> byUser = new ConcurrentHashMap<>();
    private final Map<Long, List<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    void add(StreamConnection connection) {
        byUser.computeIfAbsent(connection.userId(), k -> ConcurrentHashMap.newKeySet())
                .add(connection);
        count.incrementAndGet();
    }

    void remove(StreamConnection connection) {
        byUser.computeIfPresent(connection.userId(), (k, set) -> {
            if (set.remove(connection)) {
                count.decrementAndGet();
            }
            return set.isEmpty() ? null : set;
        });
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
        for (StreamConnection c : of(revoked.userId())) {
            if (c.sessionId() == revoked.sessionId()) {
                c.close(4001, "SESSION_REVOKED");
            }
        }
    }

    void closeAll(int code, String reason) {
        byUser.values().forEach(set -> set.forEach(c -> c.close(code, reason)));
    }
}
