package ru.parta.safety;

import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fingerprint of the database's contents: per table the row count and an order-independent sum of every row's hash.
 * Equal fingerprints before and after a run of requests mean the requests changed nothing. Tables that background
 * jobs write on their own (job bookkeeping, schema history) are left out.
 */
final class DatabaseChecksum {

    private static final Set<String> IGNORED = Set.of("flyway_schema_history", "job_runs");

    private final JdbcClient jdbc;
    private final String sql;

    DatabaseChecksum(JdbcClient jdbc) {
        this.jdbc = jdbc;
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name
                        """).query(String.class).list().stream()
                .filter(t -> !IGNORED.contains(t))
                .toList();
        this.sql = String.join(
                " union all ",
                tables.stream()
                        .map(t ->
                                "select '" + t + "' || ':' || count(*) || ':' || coalesce(sum(hashtextextended(x::text,"
                                        + " 0)), 0) from " + t + " x")
                        .toList());
    }

    String take() {
        return String.join(" ", jdbc.sql(sql).query(String.class).list());
    }
}
