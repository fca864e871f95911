package ru.parta.delivery.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import ru.parta.bench.Bench;
import ru.parta.database.EmbeddedDatabaseProperties;
import ru.parta.database.EmbeddedPostgresServer;
import ru.parta.support.Api;
import ru.parta.support.Api.Session;
import ru.parta.support.NatsServer;
import ru.parta.support.PartaNode;
import ru.parta.support.StreamClient;

/**
 * A real cluster on one machine: one PostgreSQL server and one nats-server run by the test, and three Parta nodes,
 * each its own JVM process. Users on different nodes talk; the exactly-once guarantee holds while one node is killed
 * with SIGKILL and the bus restarts under concurrent writers and reconnecting clients; a PostgreSQL restart answers
 * 503 DATABASE_UNAVAILABLE while it lasts and heals without restarting a node. The load tool, sending to one node
 * and listening on the others, finds every delivery exactly once. Node logs: {@code target/cluster-logs}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterProcessesIntegrationTests {

    private static final Path LOGS = Path.of("target", "cluster-logs");
    private static final String ADMIN = "cluster-admin";
    /** Two JVMs starting at once on a busy 2-core machine took up to a minute. */
    private static final Duration STARTUP = Duration.ofSeconds(150);

    EmbeddedDatabaseProperties database;
    EmbeddedPostgresServer postgres;
    NatsServer nats;
    final List<PartaNode> nodes = new ArrayList<>();
    final List<Api> apis = new ArrayList<>();
    JdbcClient jdbc;

    @BeforeAll
    void startCluster() throws Exception {
        String dataDir = "target/test-data/cluster-" + UUID.randomUUID();
        postgres = EmbeddedPostgresServer.start(database(dataDir, 0));
        database = database(dataDir, postgres.port());
        nats = new NatsServer();
        jdbc = JdbcClient.create(new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), ""));
        nodes.add(node("node-1").awaitUp(STARTUP));
        long adminId = jdbc.sql("""
                        insert into users (login, surname, name, password_hash, system_admin)
                        values (?, 'Администратор', 'Кластер', ?, true) returning id
                        """)
                .params(ADMIN, new BCryptPasswordEncoder(4).encode(Api.PASSWORD))
                .query(Long.class)
                .single();
        nodes.add(node("node-2"));
        nodes.add(node("node-3"));
        nodes.get(1).awaitUp(STARTUP);
        nodes.get(2).awaitUp(STARTUP);
        Api first = Api.remote(nodes.get(0).base(), ADMIN, adminId);
        apis.add(first);
        Session adminSession = first.login(ADMIN, adminId);
        apis.add(Api.remote(nodes.get(1).base(), first, adminSession));
        apis.add(Api.remote(nodes.get(2).base(), first, adminSession));
    }

    private static EmbeddedDatabaseProperties database(String dataDir, int port) {
        return new EmbeddedDatabaseProperties(dataDir, "target/pg-binaries", port, "parta", Duration.ofSeconds(60));
    }

    private PartaNode node(String name) throws Exception {
        return PartaNode.start(
                name,
                LOGS,
                Map.of(
                        "spring.datasource.url",
                        postgres.jdbcUrl(),
                        "spring.datasource.username",
                        postgres.username(),
                        "spring.datasource.hikari.connection-timeout",
                        "2000",
                        "parta.cluster.enabled",
                        "true",
                        "parta.cluster.nats-url",
                        nats.url(),
                        "parta.files.dir",
                        "target/test-data/cluster-files-" + UUID.randomUUID(),
                        "parta.safety.sends-per-minute",
                        "100000",
                        "parta.safety.chat-sends-per-minute",
                        "100000"));
    }

    @Test
    @Order(1)
    void usersOnDifferentNodesChat() {
        var anna = apis.get(0).newUser("Первая");
        var boris = apis.get(1).newUser("Второй");
        var vera = apis.get(2).newUser("Третья");
        long chat = apis.get(0).group(anna, "Три узла", boris, vera);
        var onTwo =
                StreamClient.connect(nodes.get(1).streamPort(), boris.token()).hello();
        var onThree =
                StreamClient.connect(nodes.get(2).streamPort(), vera.token()).hello();
        await().until(() -> onTwo.ready() && onThree.ready());

        assertThat(apis.get(0).sendMessage(anna, chat, "p-1", "С первого узла").status())
                .isEqualTo(201);
        assertThat(apis.get(2).sendMessage(vera, chat, "p-2", "С третьего узла").status())
                .isEqualTo(201);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(texts(onTwo)).containsExactly("С первого узла", "С третьего узла");
            assertThat(texts(onThree)).containsExactly("С первого узла", "С третьего узла");
        });
        onTwo.abort();
        onThree.abort();
    }

    @Test
    @Order(1)
    void theLoadToolSendingToOneNodeAndListeningOnTheOthersFindsEveryDeliveryExactlyOnce() {
        var out = new ByteArrayOutputStream();
        int exit = Bench.run(
                new String[] {
                    "--target", nodes.get(0).base(),
                    "--stream-targets", nodes.get(1).base() + "," + nodes.get(2).base(),
                    "--admin-login", ADMIN,
                    "--admin-password", Api.PASSWORD,
                    "--sessions", "none",
                    "--users", "12",
                    "--chat-size", "4",
                    "--rate", "20",
                    "--warmup", "1s",
                    "--duration", "4s",
                    "--drain", "20s"
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(report).isZero();
        assertThat(report).contains("exactly-once: OK").contains("summed over 3 nodes");
    }

    @Test
    @Order(2)
    void exactlyOnceHoldsWhileANodeIsKilledAndTheBusRestarts() throws Exception {
        var chaos = new ClusterChaos(apis, nodes, jdbc, 12, 3);
        ExecutorService pool = Executors.newFixedThreadPool(ClusterChaos.WRITERS + 1);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < ClusterChaos.WRITERS; w++) {
                long seed = w;
                writers.add(pool.submit(() -> chaos.write(seed)));
            }
            Future<?> reconnecting = pool.submit(chaos::reconnectAtRandom);

            await().atMost(Duration.ofSeconds(60)).until(() -> chaos.progress() >= 0.3);
            chaos.kill(2);
            await().atMost(Duration.ofSeconds(60)).until(() -> chaos.progress() >= 0.6);
            nats.kill();
            await().pollDelay(Duration.ofMillis(500)).until(() -> true);
            nats.start();

            for (Future<?> f : writers) {
                f.get(120, TimeUnit.SECONDS);
            }
            chaos.stopReconnecting();
            reconnecting.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        chaos.assertEveryClientHasExactlyTheDatabasesEventsInOrder();
    }

    @Test
    @Order(3)
    void aPostgresRestartAnswers503WhileItLastsAndHealsWithoutRestartingNodes() throws Exception {
        Api one = apis.get(0);
        Api two = apis.get(1);
        var writer = one.newUser("Пишет");
        var reader = one.newUser("Читает");
        long chat = one.group(writer, "Перезапуск базы", reader);
        var stream =
                StreamClient.connect(nodes.get(1).streamPort(), reader.token()).hello();
        await().until(stream::ready);

        postgres.close();
        var me = one.get(writer, "/api/v1/me");
        assertThat(me.status()).isEqualTo(503);
        assertThat(me.code()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(me.json().get("message").asString()).isNotBlank();
        var send = two.sendMessage(writer, chat, "during-outage", "Не дойдёт");
        assertThat(send.status()).isEqualTo(503);
        assertThat(send.code()).isEqualTo("DATABASE_UNAVAILABLE");
        var login = two.post(null, "/api/v1/auth/login", Map.of("login", reader.login(), "password", Api.PASSWORD));
        assertThat(login.status()).isEqualTo(503);
        assertThat(login.code()).isEqualTo("DATABASE_UNAVAILABLE");

        postgres = EmbeddedPostgresServer.start(database);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> one.get(writer, "/api/v1/me").status() == 200
                        && two.get(writer, "/api/v1/me").status() == 200);
        assertThat(one.sendMessage(writer, chat, "after-1", "После перезапуска").status())
                .isEqualTo(201);
        assertThat(two.sendMessage(writer, chat, "after-2", "И через второй узел")
                        .status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(texts(stream)).containsExactly("После перезапуска", "И через второй узел"));
        assertThat(jdbc.sql("select count(*) from messages where chat_id = ?")
                        .param(chat)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    private static List<String> texts(StreamClient stream) {
        return stream.events("message.new").stream()
                .map(f -> f.get("data").get("message").get("text").asString())
                .toList();
    }

    @AfterAll
    void stopCluster() {
        nodes.forEach(PartaNode::close);
        if (nats != null) {
            nats.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
