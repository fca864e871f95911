package ru.parta.bench.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import ru.parta.database.EmbeddedDatabaseProperties;
import ru.parta.database.EmbeddedPostgresServer;

/**
 * The persistence step of a send against the embedded PostgreSQL 17 ({@code fsync = on},
 * {@code synchronous_commit = on}), in batches of {@code batch} messages per transaction: take the positions under the
 * chat row's lock, insert the messages and their events (JDBC batches), commit. {@code batch = 1} is a lone send (one
 * transaction per message); the larger batches show what group commit saves ({@code MessageWriter}, which writes a
 * batch with multi-row inserts, cheaper still). The score is per transaction: divide by {@code batch} for the cost per
 * message.
 *
 * <p>Run: see docs/PERFORMANCE.md. The server's folder is {@code target/jmh-postgres}; the binaries are reused from
 * {@code target/pg-binaries}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PersistenceBenchmark {

    @Param({"1", "10", "100"})
    public int batch;

    private EmbeddedPostgresServer server;
    private Connection connection;
    private PreparedStatement position;
    private PreparedStatement message;
    private PreparedStatement event;
    private long clientIds;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Path dir = Path.of("target", "jmh-postgres");
        Files.createDirectories(dir);
        server = EmbeddedPostgresServer.start(new EmbeddedDatabaseProperties(
                dir.toString(), Path.of("target", "pg-binaries").toString(), 0, "bench", Duration.ofSeconds(60)));
        connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
        try (var st = connection.createStatement()) {
            st.execute("drop table if exists events, messages, chats");
            st.execute("create table chats (id bigint primary key, last_position bigint not null default 0,"
                    + " last_activity_at timestamptz not null default now(), last_message_id bigint)");
            st.execute("create table messages (id bigserial primary key, chat_id bigint not null, sender_id bigint"
                    + " not null, client_id text not null, position bigint not null, body text not null,"
                    + " search_text text not null, search tsvector generated always as"
                    + " (to_tsvector('russian', search_text)) stored, created_at timestamptz not null default now(),"
                    + " unique (sender_id, client_id))");
            st.execute("create index on messages using gin (search)");
            st.execute("create table events (chat_id bigint not null, position bigint not null, type text not null,"
                    + " payload jsonb not null, created_at timestamptz not null default now(),"
                    + " primary key (chat_id, position))");
            st.execute("insert into chats (id) select g from generate_series(1, 30) g");
        }
        connection.setAutoCommit(false);
        position = connection.prepareStatement(
                "update chats set last_position = last_position + ?, last_activity_at = now() where id = ?"
                        + " returning last_position");
        message = connection.prepareStatement("insert into messages (chat_id, sender_id, client_id, position, body,"
                + " search_text) values (?, ?, ?, ?, ?, ?)");
        event = connection.prepareStatement(
                "insert into events (chat_id, position, type, payload) values (?, ?, 'message.new', ?::jsonb)");
    }

    /** One transaction: {@code batch} messages into one of 30 chats, positions taken in one update. */
    @Benchmark
    public long persistBatch() throws SQLException {
        long chat = 1 + (clientIds % 30);
        position.setInt(1, batch);
        position.setLong(2, chat);
        long last;
        try (var rs = position.executeQuery()) {
            rs.next();
            last = rs.getLong(1);
        }
        for (int i = 0; i < batch; i++) {
            long p = last - batch + 1 + i;
            String id = "c" + clientIds++;
            String body = "Домашнее задание на завтра: параграф " + p;
            message.setLong(1, chat);
            message.setLong(2, 7);
            message.setString(3, id);
            message.setLong(4, p);
            message.setString(5, body);
            message.setString(6, body.toLowerCase());
            message.addBatch();
            event.setLong(1, chat);
            event.setLong(2, p);
            event.setString(
                    3,
                    "{\"type\":\"event\",\"chatId\":" + chat + ",\"position\":" + p + ",\"data\":{\"text\":\"" + body
                            + "\"}}");
            event.addBatch();
        }
        message.executeBatch();
        event.executeBatch();
        connection.commit();
        return last;
    }

    @TearDown(Level.Trial)
    public void stop() throws SQLException {
        connection.close();
        server.close();
    }
}
