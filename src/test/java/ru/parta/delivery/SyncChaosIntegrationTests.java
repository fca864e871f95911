package ru.parta.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.parta.support.Api;
import ru.parta.support.Api.Session;
import ru.parta.support.IntegrationTest;
import ru.parta.support.StreamClient;

/**
 * The heart of guarantee 1: 24 clients in 4 overlapping chats, 8 concurrent writers (messages, reactions, read
 * positions), and connections cut at random moments and resumed from the client's cursors. At the end every client
 * must have received every event of each of its chats exactly once, in position order, and exactly what the database
 * holds. Writing a live event without checking the cursor, or resuming from the wrong position, makes this fail.
 */
@IntegrationTest
class SyncChaosIntegrationTests {

    private static final int USERS = 24;
    private static final int CHATS = 4;
    private static final int WRITERS = 8;
    private static final int OPS_PER_WRITER = 45;

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyClientSeesEveryEventOfItsChatsExactlyOnceInOrderDespiteDisconnects() throws Exception {
        Random random = new Random(42);
        List<Session> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(api.newUser("Хаос" + i));
        }
        Map<Long, List<Session>> members = new HashMap<>();
        for (int c = 0; c < CHATS; c++) {
            List<Session> chatMembers = new ArrayList<>();
            for (int i = 1; i < USERS; i++) {
                if ((i + c) % 3 != 0 || i % (c + 2) == 0) {
                    chatMembers.add(users.get(i));
                }
            }
            long chatId = api.group(users.get(0), "Хаос-чат " + c, chatMembers.toArray(Session[]::new));
            chatMembers.add(users.get(0));
            members.put(chatId, chatMembers);
        }
        int port = api.streamPort(users.get(0));
        List<StreamClient.Tracker> trackers = new ArrayList<>();
        AtomicReferenceArray<StreamClient> clients = new AtomicReferenceArray<>(USERS);
        for (int i = 0; i < USERS; i++) {
            trackers.add(new StreamClient.Tracker());
            clients.set(
                    i,
                    StreamClient.connect(port, users.get(i).token(), trackers.get(i))
                            .hello());
        }

        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        List<Future<?>> writers = new ArrayList<>();
        List<Long> chatIds = new ArrayList<>(members.keySet());
        for (int w = 0; w < WRITERS; w++) {
            long seed = w;
            writers.add(pool.submit(() -> write(new Random(seed), chatIds, members)));
        }
        Future<?> chaos = pool.submit(() -> {
            while (writing.get()) {
                int victim = random.nextInt(USERS);
                clients.get(victim).abort();
                clients.set(
                        victim,
                        StreamClient.connect(port, users.get(victim).token(), trackers.get(victim))
                                .hello());
                await().pollDelay(Duration.ofMillis(40)).until(() -> true);
            }
            return null;
        });
        for (Future<?> f : writers) {
            f.get();
        }
        writing.set(false);
        chaos.get();
        pool.shutdown();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (int i = 0; i < USERS; i++) {
                for (long chatId : chatIds) {
                    if (members.get(chatId).contains(users.get(i))) {
                        assertThat(trackers.get(i).positions(chatId))
                                .as("user %d, chat %d", i, chatId)
                                .containsExactlyElementsOf(
                                        expected(chatId, users.get(i).userId()));
                    } else {
                        assertThat(trackers.get(i).positions(chatId)).isEmpty();
                    }
                }
            }
        });
        long total = chatIds.stream()
                .mapToLong(c -> expected(c, users.get(0).userId()).size())
                .sum();
        assertThat(total).isGreaterThan(WRITERS * OPS_PER_WRITER / 2);
    }

    private void write(Random random, List<Long> chatIds, Map<Long, List<Session>> members) {
        for (int op = 0; op < OPS_PER_WRITER; op++) {
            long chatId = chatIds.get(random.nextInt(chatIds.size()));
            List<Session> inChat = members.get(chatId);
            Session who = inChat.get(random.nextInt(inChat.size()));
            int kind = random.nextInt(10);
            var sent = api.sendMessage(who, chatId, UUID.randomUUID().toString(), "Сообщение " + op);
            assertThat(sent.status()).isEqualTo(201);
            long messageId = sent.json().get("id").asLong();
            long position = sent.json().get("position").asLong();
            if (kind < 2) {
                api.post(
                        who,
                        "/api/v1/chats/" + chatId + "/messages/" + messageId + "/reactions",
                        Map.of("emoji", "👍"));
            } else if (kind < 4) {
                api.post(who, "/api/v1/chats/" + chatId + "/read", Map.of("position", position));
            }
        }
    }

    private List<Long> expected(long chatId, long userId) {
        return jdbc.sql("""
                        select e.position from chat_events e join chat_members m
                          on m.chat_id = e.chat_id and m.user_id = ?
                        where e.chat_id = ? and e.position >= m.joined_position order by e.position
                        """).params(userId, chatId).query(Long.class).list();
    }
}
