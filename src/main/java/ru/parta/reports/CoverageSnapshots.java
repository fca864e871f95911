package ru.parta.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.parta.organizations.PersonRole;
import ru.parta.organizations.Unit;
import ru.parta.organizations.Units;
import ru.parta.reports.CoverageReport.Counts;

/**
 * Daily coverage history. A snapshot of a unit writes, for the unit and every unit below it that has people, one row
 * per role plus the totals (role ALL) for today in {@code parta.reports.zone}; a later snapshot the same day replaces
 * it, so a day holds at most one row per unit and role. One tree costs one read and one write statement, in one
 * transaction: a day's rows of a tree are never half written. The nightly job snapshots every root of the tree, once
 * per cluster and day ({@code ClusterJobs}: every node's scheduler fires, one node runs it).
 */
@Service
public class CoverageSnapshots {

    private static final Logger log = LoggerFactory.getLogger(CoverageSnapshots.class);

    /** One day of history: the totals and the counts per role (roles without people are absent). */
    public record HistoryDay(LocalDate day, Counts totals, Map<PersonRole, Counts> roles) {}

    public record SnapshotResult(LocalDate day, int units) {}

    private final CoverageQuery query;
    private final Units units;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ReportsProperties properties;
    private final ru.parta.database.ClusterJobs jobs;

    CoverageSnapshots(
            CoverageQuery query,
            Units units,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock,
            ReportsProperties properties,
            ru.parta.database.ClusterJobs jobs) {
        this.query = query;
        this.units = units;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.jobs = jobs;
    }

    @Scheduled(cron = "${parta.reports.snapshot-cron:0 30 2 * * *}", zone = "${parta.reports.zone:Europe/Moscow}")
    void nightly() {
        String period = LocalDate.ofInstant(clock.instant(), properties.zone()).toString();
        jobs.runOnce("coverage-snapshots", period, this::snapshotAll);
    }

    private void snapshotAll() {
        for (Unit root : units.roots()) {
            try {
                SnapshotResult result = snapshot(root.id());
                log.info("Coverage snapshot of unit {} for {}: {} units", root.id(), result.day(), result.units());
            } catch (RuntimeException e) {
                log.error("Coverage snapshot of unit {} failed", root.id(), e);
            }
        }
    }

    /** Snapshots the unit and its subtree for today. */
    public SnapshotResult snapshot(long unitId) {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, properties.zone());
        Map<Long, Map<String, Counts>> perUnit = CoverageCalculator.perUnit(query.rows(unitId, now));
        perUnit.computeIfAbsent(unitId, k -> new LinkedHashMap<>())
                .putIfAbsent(CoverageCalculator.ALL, Counts.of(0, 0, 0, 0));
        List<Long> ids = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        List<Integer> rostered = new ArrayList<>();
        List<Integer> activated = new ArrayList<>();
        List<Integer> connected = new ArrayList<>();
        List<Integer> active = new ArrayList<>();
        perUnit.forEach((unit, byRole) -> byRole.forEach((role, c) -> {
            ids.add(unit);
            roles.add(role);
            rostered.add(c.rostered());
            activated.add(c.activated());
            connected.add(c.connected());
            active.add(c.active7d());
        }));
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                            with recursive tree(id) as (
                                select cast(? as bigint)
                                union all
                                select u.id from units u join tree t on u.parent_id = t.id
                            )
                            delete from coverage_snapshots where day = ? and unit_id in (select id from tree)
                            """).params(unitId, day).update();
            jdbc.sql("""
                            insert into coverage_snapshots (unit_id, day, role, rostered, activated, connected, active7d)
                            select u, ?, r, a, b, c, d
                            from unnest(?::bigint[], ?::text[], ?::int[], ?::int[], ?::int[], ?::int[]) as t(u, r, a, b, c, d)
                            on conflict (unit_id, day, role) do update set rostered = excluded.rostered,
                                activated = excluded.activated, connected = excluded.connected,
                                active7d = excluded.active7d, taken_at = now()
                            """)
                    .params(
                            day,
                            ids.toArray(Long[]::new),
                            roles.toArray(String[]::new),
                            rostered.toArray(Integer[]::new),
                            activated.toArray(Integer[]::new),
                            connected.toArray(Integer[]::new),
                            active.toArray(Integer[]::new))
                    .update();
        });
        return new SnapshotResult(day, perUnit.size());
    }

    /** The unit's history from {@code from} to {@code to} inclusive, oldest first; days without a snapshot absent. */
    public List<HistoryDay> history(long unitId, LocalDate from, LocalDate to) {
        Map<LocalDate, HistoryDay> days = new LinkedHashMap<>();
        jdbc.sql("""
                        select day, role, rostered, activated, connected, active7d from coverage_snapshots
                        where unit_id = ? and day between ? and ? order by day, role
                        """).params(unitId, from, to).query(rs -> {
            LocalDate day = rs.getDate("day").toLocalDate();
            String role = rs.getString("role");
            Counts counts = Counts.of(
                    rs.getInt("rostered"), rs.getInt("activated"), rs.getInt("connected"), rs.getInt("active7d"));
            HistoryDay current = days.computeIfAbsent(
                    day, d -> new HistoryDay(d, Counts.of(0, 0, 0, 0), new EnumMap<>(PersonRole.class)));
            if (CoverageCalculator.ALL.equals(role)) {
                days.put(day, new HistoryDay(day, counts, current.roles()));
            } else {
                current.roles().put(PersonRole.valueOf(role), counts);
            }
        });
        return List.copyOf(days.values());
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), properties.zone());
    }
}
