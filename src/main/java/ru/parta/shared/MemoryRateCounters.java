package ru.parta.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Rate counters of a single node, in memory: a restart forgets them, and another node never sees them. Memory is
 * bounded: past 100,000 keys closed windows are swept, and if that is not enough the table is cleared. Used unless
 * {@code parta.cluster.enabled} is set.
 */
@Component
@ConditionalOnBooleanProperty(name = "parta.cluster.enabled", havingValue = false, matchIfMissing = true)
class MemoryRateCounters implements RateCounters {

    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, RateCounters.Count> counts = new ConcurrentHashMap<>();
    private final Clock clock;

    MemoryRateCounters(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Map<String, Count> add(Duration window, boolean sliding, String... keys) {
        Instant now = clock.instant();
        if (counts.size() > MAX_ENTRIES) {
            counts.values().removeIf(c -> !c.endsAt().isAfter(now));
            if (counts.size() > MAX_ENTRIES) {
                counts.clear();
            }
        }
        Map<String, Count> result = new LinkedHashMap<>();
        for (String key : keys) {
            result.put(key, counts.compute(key, (k, c) -> {
                if (c == null || !c.endsAt().isAfter(now)) {
                    return new Count(1, now, now.plus(window), now);
                }
                return new Count(c.hits() + 1, now, sliding ? now.plus(window) : c.endsAt(), now);
            }));
        }
        return result;
    }

    @Override
    public Optional<Count> peek(String key) {
        Instant now = clock.instant();
        Count c = counts.get(key);
        return c == null || !c.endsAt().isAfter(now)
                ? Optional.empty()
                : Optional.of(new Count(c.hits(), c.lastAt(), c.endsAt(), now));
    }

    @Override
    public void takeBack(String... keys) {
        for (String key : keys) {
            counts.computeIfPresent(
                    key, (k, c) -> c.hits() <= 1 ? null : new Count(c.hits() - 1, c.lastAt(), c.endsAt(), c.now()));
        }
    }

    @Override
    public void remove(String key) {
        counts.remove(key);
    }

    @Override
    public void removeAll(String prefix) {
        counts.keySet().removeIf(k -> k.startsWith(prefix));
    }
}
