package ru.parta.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void keepsDataAcrossRestartsAndSupportsRussianSearch() throws Exception {
        var properties = new EmbeddedDatabaseProperties(
                dir.toString(), "target/pg-binaries", 0, "parta", Duration.ofSeconds(60));
        try (var server = EmbeddedPostgresServer.start(properties);
                var c = DriverManager.getConnection(server.jdbcUrl(), server.username(), "")) {
            c.createStatement().execute("create table notes (body text)");
            c.createStatement().execute("insert into notes values ('сохранится')");
        }
        try (var server = EmbeddedPostgresServer.start(properties);
                var c = DriverManager.getConnection(server.jdbcUrl(), server.username(), "")) {
            var rs = c.createStatement().executeQuery("select body from notes");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("сохранится");
            var ts = c.createStatement()
                    .executeQuery("select to_tsvector('russian', 'учителя') @@ to_tsquery('russian', 'учитель')");
            ts.next();
            assertThat(ts.getBoolean(1)).isTrue();
        }
    }
}
