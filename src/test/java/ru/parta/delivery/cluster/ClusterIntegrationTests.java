package ru.parta.delivery.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.parta.PartaApplication;
import ru.parta.database.EmbeddedPostgresServer;
import ru.parta.files.FileClient;
import ru.parta.support.Api;
import ru.parta.support.NatsServer;
import ru.parta.support.StreamClient;

/**
 * Two Parta nodes on one PostgreSQL and a real NATS: events reach users on the other node; typing and revocation
 * cross nodes; a NATS crash loses nothing (the node catches its clients up from the database when the bus returns);
 * back-off and flood limits count on both nodes together; mutes and lesson mode hold on both; an upload started on one
 * node goes on and finishes on the other (each node has its own files directory); a client of a node that goes away
 * resumes on the other node with nothing lost or doubled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ClusterIntegrationTests {

    /** Low enough to test across nodes; every other test here sends fewer messages per sender. */
    private static final int SENDS_PER_MINUTE = 6;

    NatsServer nats;
    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;
    Api apiA;
    Api apiB;

    @BeforeAll
    void startCluster() throws Exception {
        nats = new NatsServer();
        a = node(Map.of());
        var db = a.getBean(EmbeddedPostgresServer.class);
        b = node(Map.of("spring.datasource.url", db.jdbcUrl(), "spring.datasource.username", db.username()));
        apiA = Api.of(a);
        apiB = Api.of(b);
    }

    private ConfigurableApplicationContext node(Map<String, Object> extra) {
        var properties = new java.util.HashMap<String, Object>(
                Map.of("parta.cluster.enabled", "true", "parta.cluster.nats-url", nats.url()));
        properties.putAll(extra);
        return new SpringApplicationBuilder(PartaApplication.class)
                .profiles("test")
                .properties(properties)
                .run("--parta.safety.sends-per-minute=" + SENDS_PER_MINUTE);
    }

    @AfterAll
    void stop() {
        if (b != null && b.isActive()) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (nats != null) {
            nats.close();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void eventsTypingAndRevocationCrossNodesAndABusCrashLosesNothing() throws Exception {
        var sender = apiA.newUser("Отправитель");
        var reader = apiA.newUser("Читатель");
        var readerOnB = apiB.login(reader.login(), reader.userId());
        long chat = apiA.group(sender, "Кластер", reader);
        var stream = StreamClient.connect(apiB.streamPort(readerOnB), readerOnB.token())
                .hello();
        await().until(stream::ready);

        apiA.sendMessage(sender, chat, "c-1", "Через шину");
        await().untilAsserted(() -> assertThat(texts(stream)).containsExactly("Через шину"));
        apiA.post(sender, "/api/v1/chats/" + chat + "/typing", null);
        await().until(() -> !stream.framesOfType("typing").isEmpty());

        nats.kill();
        for (int i = 1; i <= 3; i++) {
            assertThat(apiA.sendMessage(sender, chat, "down-" + i, "Пока шина лежит " + i)
                            .status())
                    .isEqualTo(201);
        }
        nats.start();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(texts(stream))
                        .containsExactly("Через шину", "Пока шина лежит 1", "Пока шина лежит 2", "Пока шина лежит 3"));
        apiA.sendMessage(sender, chat, "c-2", "Снова через шину");
        await().untilAsserted(() -> assertThat(texts(stream)).endsWith("Снова через шину"));
        assertThat(stream.positions(chat)).doesNotHaveDuplicates().isSorted();

        long sessionOnB = apiB.get(readerOnB, "/api/v1/me/sessions").list().stream()
                .filter(s -> s.get("current").asBoolean())
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        apiA.send(reader, "DELETE", "/api/v1/me/sessions/" + sessionOnB, null);
        assertThat(stream.closed()).succeedsWithin(Duration.ofSeconds(15)).isEqualTo(4001);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void failedLoginsOnOneNodeBackOffTheOther() {
        var user = apiA.newUser("Перебор");
        for (int i = 0; i < 6; i++) {
            Api node = i % 2 == 0 ? apiA : apiB;
            var r = node.post(null, "/api/v1/auth/login", Map.of("login", user.login(), "password", "nope-" + i));
            assertThat(r.status()).isEqualTo(401);
        }
        var blocked = apiA.post(null, "/api/v1/auth/login", Map.of("login", user.login(), "password", Api.PASSWORD));
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.code()).isEqualTo("TOO_MANY_ATTEMPTS");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void theFloodLimitCountsSendsOnBothNodes() {
        var sender = apiA.newUser("Флудер");
        var reader = apiA.newUser("Терпеливый");
        long chat = apiA.group(sender, "Флуд на два узла", reader);
        var senderOnB = apiB.login(sender.login(), sender.userId());
        for (int i = 0; i < SENDS_PER_MINUTE; i++) {
            var r = i % 2 == 0
                    ? apiA.sendMessage(sender, chat, "f-" + i, "Раз " + i)
                    : apiB.sendMessage(senderOnB, chat, "f-" + i, "Два " + i);
            assertThat(r.status()).isEqualTo(201);
        }
        var refusedOnA = apiA.sendMessage(sender, chat, "f-over-a", "Лишнее");
        var refusedOnB = apiB.sendMessage(senderOnB, chat, "f-over-b", "Лишнее");
        assertThat(refusedOnA.status()).isEqualTo(429);
        assertThat(refusedOnA.code()).isEqualTo("RATE_LIMITED");
        assertThat(refusedOnB.status()).isEqualTo(429);
        assertThat(apiB.sendMessage(reader, chat, "f-reader", "А я могу").status())
                .as("a refused message does not use up the chat's budget or other senders'")
                .isEqualTo(201);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void wrongActivationCodesOnBothNodesBackOffTheAddress() {
        for (int i = 0; i < 11; i++) {
            Api node = i % 2 == 0 ? apiA : apiB;
            var r = node.post(null, "/api/v1/activation/check", Map.of("code", "AAAAA-AAA" + (22 + i)));
            assertThat(r.code()).isEqualTo("CODE_INVALID");
        }
        var blocked = apiB.post(null, "/api/v1/activation/check", Map.of("code", "BBBBB-BBBBB"));
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.code()).isEqualTo("TOO_MANY_ATTEMPTS");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void mutesAndLessonModeSetOnOneNodeHoldOnTheOther() {
        var owner = apiA.newUser("Классный");
        var pupil = apiA.newUser("Шумный");
        var pupilOnB = apiB.login(pupil.login(), pupil.userId());
        var ownerOnB = apiB.login(owner.login(), owner.userId());
        long chat = apiA.group(owner, "Мут на два узла", pupil);
        String member = "/api/v1/chats/" + chat + "/members/" + pupil.userId() + "/mute";
        assertThat(apiA.post(owner, member, Map.of("minutes", 10)).status()).isEqualTo(200);
        assertThat(apiB.sendMessage(pupilOnB, chat, "m-1", "Можно?").code()).isEqualTo("MUTED");
        assertThat(apiB.send(ownerOnB, "DELETE", member, null).status()).isEqualTo(204);
        assertThat(apiA.sendMessage(pupil, chat, "m-2", "Спасибо").status()).isEqualTo(201);
        var lesson = apiB.send(ownerOnB, "PUT", "/api/v1/chats/" + chat + "/lesson-mode", Map.of("on", true));
        assertThat(lesson.status()).isEqualTo(200);
        assertThat(apiA.sendMessage(pupil, chat, "m-3", "А сейчас?").code()).isEqualTo("LESSON_MODE");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aRoleChangedOnOneNodeHoldsOnTheOtherForTheVeryNextSend() {
        var owner = apiA.newUser("Ведущий");
        var pupil = apiA.newUser("Слушатель");
        var pupilOnB = apiB.login(pupil.login(), pupil.userId());
        long chat = apiA.group(owner, "Роли на два узла", pupil);
        assertThat(apiB.sendMessage(pupilOnB, chat, "r-1", "Пишу").status()).isEqualTo(201);
        var readOnly = apiA.send(
                owner,
                "PUT",
                "/api/v1/chats/" + chat + "/members/" + pupil.userId() + "/role",
                Map.of("role", "READ_ONLY"));
        assertThat(readOnly.status()).isEqualTo(200);
        assertThat(apiB.sendMessage(pupilOnB, chat, "r-2", "А теперь?").code()).isEqualTo("POSTING_NOT_ALLOWED");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void anUploadStartedOnOneNodeGoesOnAndFinishesOnTheOther() {
        var owner = apiA.newUser("Загружает");
        long chat = apiA.group(owner, "Файлы на два узла");
        var ownerOnB = apiB.login(owner.login(), owner.userId());
        var onA = new FileClient(apiA);
        var onB = new FileClient(apiB);
        byte[] content = new byte[3 * 1024 * 1024 + 5];
        new java.util.Random(3).nextBytes(content);
        content[0] = 0x42;
        int third = content.length / 3;

        long id = onA.start(owner, chat, "переезд.bin", content.length)
                .json()
                .get("id")
                .asLong();
        assertThat(onA.chunk(owner, id, 0, java.util.Arrays.copyOfRange(content, 0, third))
                        .status())
                .isEqualTo(200);
        assertThat(apiB.get(ownerOnB, "/api/v1/uploads/" + id)
                        .json()
                        .get("offset")
                        .asLong())
                .as("the other node knows how far the upload got")
                .isEqualTo(third);
        assertThat(onB.chunk(ownerOnB, id, third, java.util.Arrays.copyOfRange(content, third, 2 * third))
                        .status())
                .isEqualTo(200);
        var wrongOnA = onA.chunk(owner, id, third, java.util.Arrays.copyOfRange(content, third, 2 * third));
        assertThat(wrongOnA.code()).isEqualTo("UPLOAD_OFFSET_MISMATCH");
        var done = onB.chunk(ownerOnB, id, 2 * third, java.util.Arrays.copyOfRange(content, 2 * third, content.length));
        assertThat(done.json().get("state").asString()).isEqualTo("READY");

        assertThat(onB.get(ownerOnB, "/api/v1/files/" + id).body()).isEqualTo(content);
        assertThat(a.getBean(JdbcClient.class)
                        .sql("select count(*) from upload_chunks where upload_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void anEventForThreeThousandRecipientsOnTwoOtherNodesIsPublishedOncePerNodeAndNewlyKnownUsersResync()
            throws Exception {
        var fanOutA = a.getBean(NatsFanOut.class);
        var fanOutB = b.getBean(NatsFanOut.class);
        long[] onB =
                java.util.stream.LongStream.range(900_000_000L, 900_001_500L).toArray();
        long[] onC =
                java.util.stream.LongStream.range(900_001_500L, 900_003_000L).toArray();
        long[] recipients =
                java.util.stream.LongStream.range(900_000_000L, 900_003_000L).toArray();
        // a third node, played by a bare NATS client: it announces its users and counts what reaches it
        try (var nodeC = io.nats.client.Nats.connect(nats.url())) {
            var deliveries = new java.util.concurrent.CopyOnWriteArrayList<io.nats.client.Message>();
            var resyncs = new java.util.concurrent.CopyOnWriteArrayList<long[]>();
            var listener = nodeC.createDispatcher(m -> {
                if (m.getData().length > 0 && m.getData()[0] == BusFrames.DELIVERY) {
                    deliveries.add(m);
                }
                if (m.getSubject().equals("parta.node.nodec") && m.getData()[0] == BusFrames.RESYNC) {
                    resyncs.add(BusFrames.readResync(m.getData()));
                }
            });
            listener.subscribe("parta.>");
            for (long user : onB) {
                fanOutB.online(user);
            }
            nodeC.publish("parta.directory", BusFrames.snapshot("nodec", false, 0, 1, onC));
            await().untilAsserted(() -> {
                var routes = fanOutA.routes(recipients);
                assertThat(routes).containsOnlyKeys(fanOutB.nodeId(), "nodec");
                assertThat(routes.get(fanOutB.nodeId())).hasSize(1_500);
                assertThat(routes.get("nodec")).hasSize(1_500);
            });

            byte[] frame = "{\"type\":\"typing\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            fanOutA.publish(new ru.parta.chats.ChatEvent(1, 0, frame, recipients, 0));
            // a later publish to one of node C's users: when it arrives, everything A published before it has too
            fanOutA.publish(new ru.parta.chats.ChatEvent(2, 0, frame, new long[] {onC[0]}, 0));
            await().until(() -> deliveries.stream()
                    .anyMatch(m -> BusFrames.readDelivery(m.getData()).chatId() == 2));

            var firstEvent = deliveries.stream()
                    .filter(m -> BusFrames.readDelivery(m.getData()).chatId() == 1)
                    .toList();
            assertThat(firstEvent)
                    .as("one message per receiving node, not per recipient")
                    .extracting(io.nats.client.Message::getSubject)
                    .containsExactlyInAnyOrder("parta.node." + fanOutB.nodeId(), "parta.node.nodec");
            assertThat(firstEvent)
                    .allSatisfy(
                            m -> assertThat(BusFrames.readDelivery(m.getData()).frame())
                                    .isEqualTo(frame));
            assertThat(firstEvent.stream()
                            .filter(m -> m.getSubject().endsWith("nodec"))
                            .findFirst()
                            .map(m -> BusFrames.readDelivery(m.getData()).recipients())
                            .orElseThrow())
                    .containsExactly(onC);

            // node C's next full list holds a user A did not know of (say the change was lost): A, having published
            // events since, asks node C to re-read that user's connections
            long[] oneMore = java.util.Arrays.copyOf(onC, onC.length + 1);
            oneMore[onC.length] = 900_009_999L;
            nodeC.publish("parta.directory", BusFrames.snapshot("nodec", false, 0, 1, oneMore));
            await().until(() ->
                    resyncs.stream().anyMatch(users -> java.util.Arrays.equals(users, new long[] {900_009_999L})));
        } finally {
            for (long user : onB) {
                fanOutB.offline(user);
            }
        }
        await().untilAsserted(() -> assertThat(fanOutA.routes(onB)).doesNotContainKey(fanOutB.nodeId()));
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void aClientOfALostNodeResumesOnAnotherWithNothingLostOrDoubled() {
        var sender = apiA.newUser("Пишущий");
        var reader = apiA.newUser("Переезжающий");
        long chat = apiA.group(sender, "Переезд", reader);
        var readerOnB = apiB.login(reader.login(), reader.userId());
        var tracker = new StreamClient.Tracker();
        var onB = StreamClient.connect(apiB.streamPort(readerOnB), readerOnB.token(), tracker)
                .hello();
        apiA.sendMessage(sender, chat, "m-1", "Первое");
        await().until(() -> onB.events("message.new").size() == 1);
        onB.abort();
        String nodeB = b.getBean(NatsFanOut.class).nodeId();
        b.close();
        await().untilAsserted(() -> assertThat(a.getBean(NatsFanOut.class).knownNodes())
                .as("a node that stops is forgotten at once")
                .doesNotContain(nodeB));
        apiA.sendMessage(sender, chat, "m-2", "Второе");
        apiA.sendMessage(sender, chat, "m-3", "Третье");
        var readerOnA = apiA.login(reader.login(), reader.userId());
        var onA = StreamClient.connect(apiA.streamPort(readerOnA), readerOnA.token(), tracker)
                .hello();
        await().untilAsserted(() -> assertThat(onA.events("message.new")).hasSize(2));
        List<Long> expected = a.getBean(JdbcClient.class)
                .sql("""
                        select e.position from chat_events e join chat_members m on m.chat_id = e.chat_id and m.user_id = ?
                        where e.chat_id = ? and e.position >= m.joined_position order by e.position
                        """)
                .params(reader.userId(), chat)
                .query(Long.class)
                .list();
        assertThat(tracker.positions(chat)).containsExactlyElementsOf(expected);
    }

    private static List<String> texts(StreamClient stream) {
        return stream.events("message.new").stream()
                .map(f -> f.get("data").get("message").get("text").asString())
                .toList();
    }
}
