package ru.parta.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after a number of free failures, each further failure doubles the wait before the
 * next attempt for the same account or the same address (capped). A success clears the account's counter. Memory is
 * bounded: entries idle for longer than the cap are dropped, and the table is cleared if it ever grows past its limit.
 * Node-local for now; the cluster issue moves it to shared storage.
 */
@Component
class LoginBackoff {

    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final AccountsProperties properties;
    private final Clock clock;

    LoginBackoff(AccountsProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** How long the caller must still wait, or zero. */
    Duration waitFor(String login, String address) {
        Instant now = clock.instant();
        Duration a = remaining(failures.get("a:" + login.toLowerCase()), now);
        Duration b = remaining(failures.get("ip:" + address), now);
        return a.compareTo(b) >= 0 ? a : b;
    }

    void failed(String login, String address) {
        if (failures.size() > MAX_ENTRIES) {
            failures.clear();
        }
        Instant now = clock.instant();
        record("a:" + login.toLowerCase(), properties.freeFailuresPerAccount(), now);
        record("ip:" + address, properties.freeFailuresPerAddress(), now);
    }

    void succeeded(String login) {
        failures.remove("a:" + login.toLowerCase());
    }

    private void record(String key, int free, Instant now) {
        failures.compute(key, (k, f) -> {
            int count = f == null || f.lastAt().plus(properties.maxBackoff()).isBefore(now) ? 1 : f.count() + 1;
            Instant until = now;
            if (count > free) {
                long seconds = Math.min(properties.maxBackoff().toSeconds(), 1L << Math.min(20, count - free - 1));
                until = now.plusSeconds(seconds);
            }
            return new Failures(count, now, until);
        });
    }

    private static Duration remaining(Failures f, Instant now) {
        return f == null || !f.blockedUntil().isAfter(now) ? Duration.ZERO : Duration.between(now, f.blockedUntil());
    }

    private record Failures(int count, Instant lastAt, Instant blockedUntil) {}
}
