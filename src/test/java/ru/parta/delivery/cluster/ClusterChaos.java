package ru.parta.delivery.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.parta.support.Api;
import ru.parta.support.Api.Session;
import ru.parta.support.PartaNode;
import ru.parta.support.StreamClient;

/**
 * The exactly-once workload of {@link ClusterProcessesIntegrationTests}, spread over several node processes: users in
 * overlapping chats, each with one stream on some node; concurrent writers that send through any live node and retry
 * a failed request (same client id) on another; streams cut at random and resumed from their cursors on a random live
 * node. A killed node leaves the live set first, then every stream it held resumes elsewhere.
 */
final class ClusterChaos {

    static final int WRITERS = 6;
    static final int OPS_PER_WRITER = 30;

    private final List<Api> apis;
    private final List<PartaNode> nodes;
    private final JdbcClient jdbc;
    private final List<Integer> live = new CopyOnWriteArrayList<>();
    private final List<Session> users = new ArrayList<>();
    private final Map<Long, List<Session>> members = new HashMap<>();
    private final List<Long> chatIds = new ArrayList<>();
    private final List<StreamClient.Tracker> trackers = new ArrayList<>();
    private final List<Client> clients = new ArrayList<>();
    private final AtomicInteger done = new AtomicInteger();
    private final Random chaos = new Random(7);
    private volatile boolean reconnecting = true;

    /** One user's current stream and the node it is on; replaced under its own lock. */
    private static final class Client {
        StreamClient stream;
        int node;
    }

    ClusterChaos(List<Api> apis, List<PartaNode> nodes, JdbcClient jdbc, int userCount, int chatCount) {
        this.apis = apis;
        this.nodes = nodes;
        this.jdbc = jdbc;
        for (int n = 0; n < nodes.size(); n++) {
            live.add(n);
        }
        for (int i = 0; i < userCount; i++) {
            users.add(apis.get(i % apis.size()).newUser("Хаос" + i));
        }
        for (int c = 0; c < chatCount; c++) {
            List<Session> chatMembers = new ArrayList<>();
            for (int i = 1; i < userCount; i++) {
                if ((i + c) % 3 != 0 || i % (c + 2) == 0) {
                    chatMembers.add(users.get(i));
                }
            }
            long chatId = apis.get(c % apis.size())
                    .group(users.get(0), "Кластерный хаос " + c, chatMembers.toArray(Session[]::new));
            chatMembers.add(users.get(0));
            members.put(chatId, chatMembers);
            chatIds.add(chatId);
        }
        for (int i = 0; i < userCount; i++) {
            trackers.add(new StreamClient.Tracker());
            var client = new Client();
            clients.add(client);
            connect(i, i % nodes.size());
        }
    }

    /** Share of the writers' operations done so far, 0..1. */
    double progress() {
        return done.get() / (double) (WRITERS * OPS_PER_WRITER);
    }

    void write(long seed) {
        Random random = new Random(seed);
        for (int op = 0; op < OPS_PER_WRITER; op++) {
            long chatId = chatIds.get(random.nextInt(chatIds.size()));
            List<Session> inChat = members.get(chatId);
            Session who = inChat.get(random.nextInt(inChat.size()));
            int kind = random.nextInt(10);
            String clientId = UUID.randomUUID().toString();
            String text = "Сообщение " + seed + "-" + op;
            var sent = anyNode(random, api -> api.sendMessage(who, chatId, clientId, text));
            assertThat(sent.status()).as(sent.body()).isIn(200, 201);
            long messageId = sent.json().get("id").asLong();
            long position = sent.json().get("position").asLong();
            if (kind < 2) {
                anyNode(
                        random,
                        api -> api.post(
                                who,
                                "/api/v1/chats/" + chatId + "/messages/" + messageId + "/reactions",
                                Map.of("emoji", "👍")));
            } else if (kind < 4) {
                anyNode(
                        random,
                        api -> api.post(who, "/api/v1/chats/" + chatId + "/read", Map.of("position", position)));
            }
            done.incrementAndGet();
        }
    }

    /** Sends through a random live node; a node that dies under the request is replaced by another. */
    private Api.Response anyNode(Random random, Function<Api, Api.Response> request) {
        for (int attempt = 0; attempt < 30; attempt++) {
            List<Integer> up = List.copyOf(live);
            try {
                var response = request.apply(apis.get(up.get(random.nextInt(up.size()))));
                if (response.status() < 500) {
                    return response;
                }
            } catch (IllegalStateException e) {
                // the node was killed under the request: try another
            }
            await().pollDelay(Duration.ofMillis(100)).until(() -> true);
        }
        throw new AssertionError("no live node answered");
    }

    void reconnectAtRandom() {
        while (reconnecting) {
            int victim = chaos.nextInt(users.size());
            List<Integer> up = List.copyOf(live);
            connect(victim, up.get(chaos.nextInt(up.size())));
            await().pollDelay(Duration.ofMillis(60)).until(() -> true);
        }
    }

    void stopReconnecting() {
        reconnecting = false;
    }

    /** SIGKILLs the node after taking it out of the live set; its streams resume on the other nodes. */
    void kill(int node) {
        live.remove(Integer.valueOf(node));
        nodes.get(node).kill();
        resumeLostStreams();
    }

    private void resumeLostStreams() {
        for (int i = 0; i < clients.size(); i++) {
            Client client = clients.get(i);
            synchronized (client) {
                if (!live.contains(client.node) || client.stream.closed().isDone()) {
                    connect(i, live.get(i % live.size()));
                }
            }
        }
    }

    /** Replaces user i's stream by a new one on the node (another live node if that one refuses). */
    private void connect(int i, int node) {
        Client client = clients.get(i);
        synchronized (client) {
            if (client.stream != null) {
                client.stream.abort();
            }
            int target = node;
            for (int attempt = 0; ; attempt++) {
                try {
                    client.stream = StreamClient.connect(
                                    nodes.get(target).streamPort(), users.get(i).token(), trackers.get(i))
                            .hello();
                    client.node = target;
                    return;
                } catch (RuntimeException e) {
                    if (attempt > 10) {
                        throw e;
                    }
                    List<Integer> up = List.copyOf(live);
                    target = up.get(attempt % up.size());
                }
            }
        }
    }

    void assertEveryClientHasExactlyTheDatabasesEventsInOrder() {
        resumeLostStreams();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (int i = 0; i < users.size(); i++) {
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
        assertThat(total).isGreaterThanOrEqualTo(WRITERS * OPS_PER_WRITER);
    }

    private List<Long> expected(long chatId, long userId) {
        return jdbc.sql("""
                        select e.position from chat_events e join chat_members m
                          on m.chat_id = e.chat_id and m.user_id = ?
                        where e.chat_id = ? and e.position >= m.joined_position order by e.position
                        """).params(userId, chatId).query(Long.class).list();
    }
}
