package ru.parta.database;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs scheduled work once per cluster and period, however many nodes fire it: the first node to record
 * {@code (job, period)} in {@code job_runs} runs it, the others skip. On a single node it simply runs once per period.
 * If the winning node dies mid-run the period is not retried; the next period runs as usual. A job's claims older
 * than 30 days are deleted by its next run, so the table stays small on a single node too.
 *
 * <p>Hazard: a period is a label the caller derives from the wall clock; nodes whose timers drift may leave a period
 * unclaimed (the work then waits for the next one), so only work that catches up on its next run belongs here.
 */
@Component
public class ClusterJobs {

    private final JdbcClient jdbc;
    private final String node = UUID.randomUUID().toString();

    ClusterJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs the work if no node has claimed this job for this period yet; returns whether it ran here. */
    public boolean runOnce(String job, String period, Runnable work) {
        int claimed = jdbc.sql("insert into job_runs (job, period, node) values (?, ?, ?) on conflict do nothing")
                .params(job, period, node)
                .update();
        if (claimed == 0) {
            return false;
        }
        jdbc.sql("delete from job_runs where job = ? and started_at < now() - interval '30 days'")
                .param(job)
                .update();
        work.run();
        return true;
    }
}
