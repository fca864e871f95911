package ru.parta.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.parta.support.IntegrationTest;

/** The cluster's counters on a real PostgreSQL (the single-node server has the table too; its store is in memory). */
@IntegrationTest
class SharedRateCountersIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    final String p = "t-" + UUID.randomUUID() + ":";

    SharedRateCounters counters() {
        return new SharedRateCounters(jdbc, new ClusterJobs(jdbc));
    }

    @Test
    void oneStatementCountsSeveralKeysAndAFixedWindowKeepsItsEnd() {
        var counters = counters();
        var first = counters.add(Duration.ofMinutes(1), false, p + "sender", p + "chat");
        assertThat(first.get(p + "sender").hits()).isEqualTo(1);
        assertThat(first.get(p + "chat").hits()).isEqualTo(1);
        var second = counters.add(Duration.ofMinutes(1), false, p + "sender", p + "chat");
        assertThat(second.get(p + "sender").hits()).isEqualTo(2);
        assertThat(second.get(p + "sender").endsAt())
                .isEqualTo(first.get(p + "sender").endsAt());
        assertThat(Duration.between(
                        second.get(p + "chat").now(), second.get(p + "chat").endsAt()))
                .isBetween(Duration.ofSeconds(50), Duration.ofMinutes(1));
        counters.takeBack(p + "sender");
        assertThat(counters.peek(p + "sender").orElseThrow().hits()).isEqualTo(1);
        counters.remove(p + "chat");
        assertThat(counters.peek(p + "chat")).isEmpty();
        counters.removeAll(p);
        assertThat(counters.peek(p + "sender")).isEmpty();
    }

    @Test
    void aSlidingWindowMovesItsEndAndAClosedWindowStartsAfresh() {
        var counters = counters();
        var first = counters.add(Duration.ofMinutes(10), true, p + "login");
        var second = counters.add(Duration.ofMinutes(10), true, p + "login");
        assertThat(second.get(p + "login").hits()).isEqualTo(2);
        assertThat(second.get(p + "login").endsAt())
                .isAfterOrEqualTo(first.get(p + "login").endsAt());
        jdbc.sql("update rate_counters set ends_at = now() - interval '1 second' where key = ?")
                .param(p + "login")
                .update();
        assertThat(counters.peek(p + "login")).isEmpty();
        assertThat(counters.add(Duration.ofMinutes(10), true, p + "login")
                        .get(p + "login")
                        .hits())
                .isEqualTo(1);
    }

    @Test
    void cleanUpDeletesClosedWindowsOnceAPeriodForTheWholeCluster() {
        var counters = counters();
        counters.add(Duration.ofMinutes(1), false, p + "old", p + "open");
        jdbc.sql("update rate_counters set ends_at = now() - interval '1 second' where key = ?")
                .param(p + "old")
                .update();
        jdbc.sql("delete from job_runs where job = 'rate-counters-cleanup'").update();
        counters.cleanUp();
        counters().cleanUp();
        assertThat(jdbc.sql("select key from rate_counters where starts_with(key, ?)")
                        .param(p)
                        .query(String.class)
                        .list())
                .containsExactly(p + "open");
        assertThat(jdbc.sql("select count(*) from job_runs where job = 'rate-counters-cleanup'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
