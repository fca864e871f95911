package ru.parta.rosters;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The history of roster imports of a school (dry runs included), with their summaries. */
@Component
class ImportLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void record(long schoolId, long userId, String fileName, ImportReport report) {
        Map<String, Object> summary = Map.of(
                "dryRun", report.dryRun(),
                "rows", report.rows(),
                "counts", report.counts(),
                "errors", report.errors().size(),
                "chats", report.chats());
        jdbc.sql("""
                        insert into roster_imports (school_id, imported_by, file_name, applied, summary)
                        values (?, ?, ?, ?, ?::jsonb)
                        """)
                .params(schoolId, userId, fileName, report.applied(), json.writeValueAsString(summary))
                .update();
    }

    List<Map<String, Object>> history(long schoolId) {
        return jdbc.sql("""
                        select id, file_name, applied, summary::text, created_at from roster_imports
                        where school_id = ? order by id desc limit 50
                        """)
                .param(schoolId)
                .query((rs, n) -> Map.<String, Object>of(
                        "id", rs.getLong(1),
                        "fileName", rs.getString(2),
                        "applied", rs.getBoolean(3),
                        "summary", json.readTree(rs.getString(4)),
                        "createdAt", rs.getTimestamp(5).toInstant()))
                .list();
    }
}
