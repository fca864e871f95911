package ru.parta.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failure back-off per key (an account, an address): after {@code free} failures each further failure doubles the
 * wait before the next attempt, up to {@code max}. A key idle for longer than {@code max} starts afresh. Memory is
 * bounded: the table is cleared if it ever holds more than 100,000 keys. Node-local.
 */
public final class Backoff {

    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int free;
    private final Duration max;
    private final Clock clock;

    public Backoff(int free, Duration max, Clock clock) {
        this.free = free;
        this.max = max;
        this.clock = clock;
    }

    /** How long the key must still wait, or zero. */
    public Duration waitFor(String key) {
        Failures f = failures.get(key);
        Instant now = clock.instant();
        return f == null || !f.blockedUntil().isAfter(now) ? Duration.ZERO : Duration.between(now, f.blockedUntil());
    }

    public void failed(String key) {
        if (failures.size() > MAX_ENTRIES) {
            failures.clear();
        }
        Instant now = clock.instant();
        failures.compute(key, (k, f) -> {
            int count = f == null || f.lastAt().plus(max).isBefore(now) ? 1 : f.count() + 1;
            Instant until = now;
            if (count > free) {
                long seconds = Math.min(max.toSeconds(), 1L << Math.min(20, count - free - 1));
                until = now.plusSeconds(seconds);
            }
            return new Failures(count, now, until);
        });
    }

    public void succeeded(String key) {
        failures.remove(key);
    }

    private record Failures(int count, Instant lastAt, Instant blockedUntil) {}
}
