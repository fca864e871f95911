package ru.parta.shared;

import java.time.Duration;
import java.time.Instant;

/**
 * Failure back-off per key (an account, an address): after {@code free} failures each further failure doubles the
 * wait before the next attempt (1 s, 2 s, 4 s, …), up to {@code max}. A key idle for longer than {@code max} starts
 * afresh. The failures are counted in {@link RateCounters}, so in a cluster a failure on one node slows down the next
 * attempt on every node.
 */
public final class Backoff {

    private final String prefix;
    private final int free;
    private final Duration max;
    private final RateCounters counters;

    /** {@code name} keeps this back-off's keys apart from others' in the shared counters. */
    public Backoff(String name, int free, Duration max, RateCounters counters) {
        this.prefix = "backoff." + name + ":";
        this.free = free;
        this.max = max;
        this.counters = counters;
    }

    /** How long the key must still wait, or zero. */
    public Duration waitFor(String key) {
        return counters.peek(prefix + key)
                .map(c -> {
                    Instant until = blockedUntil(c.hits(), c.lastAt());
                    return until.isAfter(c.now()) ? Duration.between(c.now(), until) : Duration.ZERO;
                })
                .orElse(Duration.ZERO);
    }

    public void failed(String key) {
        counters.add(max, true, prefix + key);
    }

    public void succeeded(String key) {
        counters.remove(prefix + key);
    }

    private Instant blockedUntil(long failures, Instant lastAt) {
        if (failures <= free) {
            return lastAt;
        }
        long seconds = Math.min(max.toSeconds(), 1L << Math.min(20, failures - free - 1));
        return lastAt.plusSeconds(seconds);
    }
}
