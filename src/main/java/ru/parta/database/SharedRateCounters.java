package ru.parta.database;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.parta.shared.RateCounters;

/**
 * Rate counters of a cluster, in the {@code rate_counters} table: every node counts into the same rows, so a limit
 * holds for the whole cluster. {@link #add} is one {@code INSERT … ON CONFLICT … DO UPDATE … RETURNING} for all its
 * keys; time is PostgreSQL's {@code now()}, one clock for every node.
 *
 * <p>Hazard: called inside a transaction, {@link #add} locks its rows until that transaction ends (a message's
 * sender and chat counters are held while the message is written), and a rollback takes the hits back. The clean-up
 * of closed windows is scheduled on every node and runs once per cluster and period ({@link ClusterJobs}).
 */
@Component
@ConditionalOnBooleanProperty("parta.cluster.enabled")
class SharedRateCounters implements RateCounters {

    private static final long CLEANUP_PERIOD_MILLIS = 600_000;

    private final JdbcClient jdbc;
    private final ClusterJobs jobs;

    SharedRateCounters(JdbcClient jdbc, ClusterJobs jobs) {
        this.jdbc = jdbc;
        this.jobs = jobs;
    }

    @Override
    public Map<String, Count> add(Duration window, boolean sliding, String... keys) {
        List<Object> params = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (String key : keys) {
            rows.append(rows.isEmpty() ? "" : ", ").append("(?, 1, now(), now() + ? * interval '1 millisecond')");
            params.add(key);
            params.add(window.toMillis());
        }
        params.add(sliding);
        params.add(window.toMillis());
        Map<String, Count> result = new HashMap<>();
        jdbc.sql("insert into rate_counters as c (key, hits, last_at, ends_at) values " + rows + """
                         on conflict (key) do update set
                           hits = case when c.ends_at <= now() then 1 else c.hits + 1 end,
                           last_at = now(),
                           ends_at = case when c.ends_at <= now() or ? then now() + ? * interval '1 millisecond'
                                          else c.ends_at end
                        returning key, hits, last_at, ends_at, now() as now
                        """)
                .params(params)
                .query((rs, n) -> result.put(
                        rs.getString("key"),
                        new Count(
                                rs.getLong("hits"),
                                instant(rs.getObject("last_at", OffsetDateTime.class)),
                                instant(rs.getObject("ends_at", OffsetDateTime.class)),
                                instant(rs.getObject("now", OffsetDateTime.class)))))
                .list();
        return result;
    }

    @Override
    public Optional<Count> peek(String key) {
        return jdbc.sql(
                        "select hits, last_at, ends_at, now() as now from rate_counters where key = ? and ends_at > now()")
                .param(key)
                .query((rs, n) -> new Count(
                        rs.getLong("hits"),
                        instant(rs.getObject("last_at", OffsetDateTime.class)),
                        instant(rs.getObject("ends_at", OffsetDateTime.class)),
                        instant(rs.getObject("now", OffsetDateTime.class))))
                .optional();
    }

    @Override
    public void takeBack(String... keys) {
        jdbc.sql("update rate_counters set hits = hits - 1 where key = any(?) and ends_at > now() and hits > 0")
                .param(keys)
                .update();
    }

    @Override
    public void remove(String key) {
        jdbc.sql("delete from rate_counters where key = ?").param(key).update();
    }

    @Override
    public void removeAll(String prefix) {
        jdbc.sql("delete from rate_counters where starts_with(key, ?)")
                .param(prefix)
                .update();
    }

    /** Every ten minutes one node deletes closed windows, and job claims older than 30 days. */
    @Scheduled(fixedDelay = CLEANUP_PERIOD_MILLIS, initialDelay = CLEANUP_PERIOD_MILLIS)
    void cleanUp() {
        String period = String.valueOf(System.currentTimeMillis() / CLEANUP_PERIOD_MILLIS);
        jobs.runOnce("rate-counters-cleanup", period, this::deleteExpired);
    }

    int deleteExpired() {
        jdbc.sql("delete from job_runs where started_at < now() - interval '30 days'")
                .update();
        return jdbc.sql("delete from rate_counters where ends_at <= now()").update();
    }

    private static Instant instant(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).toInstant();
    }
}
