package ru.parta.shared;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Per-chat answers of a lookup that runs on every send (who may send, lesson mode and mutes, quiet-hour windows), kept
 * for a short while because they change rarely and a busy chat asks many times a second.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>A change made on this node is seen by every send that starts after it committed: {@link #forget} and {@link
 *       #forgetAll} drop answers after commit, and an answer read while a change was being made is not kept (a
 *       generation counter, bumped by every forget, must be unchanged between reading and keeping).
 *   <li>Answers live for the time to live their owner configures (0 turns the cache off). In cluster mode the cache
 *       is off ({@link #onThisNode}): a change made on another node must hold at once, and this node would not hear of
 *       it.
 *   <li>Memory is bounded: at most {@value #MAX_CHATS} chats are kept; past that the whole map is dropped.
 * </ul>
 */
public final class ChatAnswers<V> {

    public static final int MAX_CHATS = 20_000;

    private record Answer<V>(V value, long expiresAt) {}

    private final long ttlNanos;
    private final Map<Long, Answer<V>> answers = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public ChatAnswers(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** The longest time to live an owner may configure. */
    public static final Duration MAX_TTL = Duration.ofMinutes(1);

    /** Fails fast unless {@code ttl} is between 0 and {@link #MAX_TTL}; {@code property} names the setting. */
    public static void checkTtl(String property, Duration ttl) {
        if (ttl != null && (ttl.isNegative() || ttl.compareTo(MAX_TTL) > 0)) {
            throw new IllegalArgumentException(property + " must be between 0 and 1m, was " + ttl);
        }
    }

    /** With this time to live on a single node; off in cluster mode. */
    public static <V> ChatAnswers<V> onThisNode(Duration ttl, boolean cluster) {
        return new ChatAnswers<>(cluster ? Duration.ZERO : ttl);
    }

    /** The chat's answer, from memory while it is fresh, else read with {@code lookup}. */
    public V get(long chatId, LongFunction<V> lookup) {
        if (ttlNanos == 0) {
            return lookup.apply(chatId);
        }
        long now = System.nanoTime();
        Answer<V> answer = answers.get(chatId);
        if (answer != null && now - answer.expiresAt() < 0) {
            return answer.value();
        }
        long before = generation.get();
        V value = lookup.apply(chatId);
        if (generation.get() == before) {
            if (answers.size() >= MAX_CHATS) {
                answers.clear();
            }
            answers.put(chatId, new Answer<>(value, now + ttlNanos));
            if (generation.get() != before) {
                answers.remove(chatId); // a forget ran meanwhile: what was read may predate it
            }
        }
        return value;
    }

    /** Drops the chat's answer now and again after the current transaction commits. */
    public void forget(long chatId) {
        afterCommit(() -> {
            generation.incrementAndGet();
            answers.remove(chatId);
        });
    }

    /** Drops every answer now and again after the current transaction commits. */
    public void forgetAll() {
        afterCommit(() -> {
            generation.incrementAndGet();
            answers.clear();
        });
    }

    private static void afterCommit(Runnable drop) {
        drop.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    drop.run();
                }
            });
        }
    }
}
