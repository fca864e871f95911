package ru.parta.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BackoffTests {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-09-01T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    final ManualClock clock = new ManualClock();
    final MemoryRateCounters counters = new MemoryRateCounters(clock);
    final Backoff backoff = new Backoff("test", 2, Duration.ofMinutes(15), counters);

    @Test
    void freeFailuresCostNothingThenEachFurtherFailureDoublesTheWait() {
        backoff.failed("anna");
        backoff.failed("anna");
        assertThat(backoff.waitFor("anna")).isZero();
        backoff.failed("anna");
        assertThat(backoff.waitFor("anna")).isEqualTo(Duration.ofSeconds(1));
        backoff.failed("anna");
        assertThat(backoff.waitFor("anna")).isEqualTo(Duration.ofSeconds(2));
        backoff.failed("anna");
        assertThat(backoff.waitFor("anna")).isEqualTo(Duration.ofSeconds(4));
        clock.advance(Duration.ofSeconds(3));
        assertThat(backoff.waitFor("anna")).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.waitFor("boris")).isZero();
    }

    @Test
    void theWaitNeverExceedsTheMaximum() {
        for (int i = 0; i < 40; i++) {
            backoff.failed("anna");
        }
        assertThat(backoff.waitFor("anna")).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aSuccessOrALongSilenceStartsAfresh() {
        for (int i = 0; i < 5; i++) {
            backoff.failed("anna");
            backoff.failed("boris");
        }
        backoff.succeeded("anna");
        assertThat(backoff.waitFor("anna")).isZero();
        clock.advance(Duration.ofMinutes(16));
        assertThat(backoff.waitFor("boris")).isZero();
        backoff.failed("boris");
        assertThat(backoff.waitFor("boris")).as("the count restarted at one").isZero();
    }

    @Test
    void fixedWindowsCountUntilTheyCloseAndRefusedHitsCanBeTakenBack() {
        var first = counters.add(Duration.ofMinutes(1), false, "a", "b");
        assertThat(first.get("a").hits()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));
        var second = counters.add(Duration.ofMinutes(1), false, "a");
        assertThat(second.get("a").hits()).isEqualTo(2);
        assertThat(second.get("a").endsAt()).isEqualTo(first.get("a").endsAt());
        counters.takeBack("a");
        assertThat(counters.peek("a").orElseThrow().hits()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(31));
        assertThat(counters.peek("a")).isEmpty();
        assertThat(counters.add(Duration.ofMinutes(1), false, "a").get("a").hits())
                .isEqualTo(1);
        counters.removeAll("b");
        assertThat(counters.peek("b")).isEmpty();
    }
}
