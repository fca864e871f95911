package ru.parta.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Short-lived counters behind back-off and rate limits, keyed by a string that names the limit and the subject
 * ({@code login.account:anna}, {@code flood.sender:42}). One node keeps them in memory; a cluster keeps them in
 * PostgreSQL, so every node sees the same counts. Each call is atomic per key: two nodes adding at once both count.
 *
 * <p>Time is the store's own: {@link Count#now()} is the instant the store compared against, so callers compute waits
 * from it and never mix clocks of different nodes.
 */
public interface RateCounters {

    /**
     * Adds one to every key and returns each key's count after adding. A key's window opens at its first hit after the
     * previous window ended and lasts {@code window}; if {@code sliding}, every hit moves the end to now plus
     * {@code window} (a key idle for a whole window starts afresh).
     */
    Map<String, Count> add(Duration window, boolean sliding, String... keys);

    /** The key's count in its current window, if the window is still open. */
    Optional<Count> peek(String key);

    /** Takes one hit back from each key that still has an open window: a refused attempt that must not count. */
    void takeBack(String... keys);

    /** Forgets the key. */
    void remove(String key);

    /** Forgets every key that starts with the prefix (used when limits change). */
    void removeAll(String prefix);

    /**
     * @param hits hits in the current window
     * @param lastAt the last hit
     * @param endsAt when the window closes
     * @param now the store's current time when it answered
     */
    record Count(long hits, Instant lastAt, Instant endsAt, Instant now) {}
}
