package ru.parta.chats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;
import ru.parta.support.SendGate;

/**
 * Group commit: sends that queue up behind a write in flight are stored together, keep their arrival order and
 * gap-free positions, and one bad send in a batch costs the others nothing. The {@link SendGate} holds one message's
 * transaction open (in another chat owned by the same writer) so that the batch is formed deterministically.
 */
@IntegrationTest
class GroupCommitIntegrationTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageWriter writer;

    @Autowired
    SendGate gate;

    @Autowired
    ru.parta.shared.RateCounters counters;

    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void release() {
        gate.release();
        pool.close();
    }

    @Test
    void sendsQueuedBehindAWriteAreStoredInOneTransactionInArrivalOrder() throws Exception {
        var a = api.newUser("Пакет");
        var b = api.newUser("Пакетов");
        long chat = api.group(a, "Пакетная запись", b);
        var held = holdWriterOf(a, chat);
        List<CompletableFuture<Api.Response>> sends = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sends.add(queue(i % 2 == 0 ? a : b, chat, "batch-" + i, "Сообщение " + i));
        }
        sends.add(queue(
                chat,
                () -> api.post(
                        a,
                        "/api/v1/chats/" + chat + "/messages",
                        java.util.Map.of("clientId", "batch-20", "text", "Слушай", "mentions", List.of(b.userId())))));
        gate.release();
        assertThat(held.get().status()).isEqualTo(201);
        List<Long> positions = new ArrayList<>();
        for (var send : sends) {
            var r = send.get();
            assertThat(r.status()).isEqualTo(201);
            positions.add(r.json().get("position").asLong());
        }
        long first = positions.getFirst();
        assertThat(positions).containsExactlyElementsOf(range(first, 21));
        assertThat(jdbc.sql("select mentions from messages where chat_id = ? and client_id = 'batch-20'")
                        .param(chat)
                        .query((rs, n) -> List.of((Long[]) rs.getArray(1).getArray()))
                        .single())
                .containsExactly(b.userId());
        assertThat(jdbc.sql("select count(distinct created_at) from messages where chat_id = ?")
                        .param(chat)
                        .query(Long.class)
                        .single())
                .as("one transaction, so one transaction time")
                .isEqualTo(1);
        assertThat(jdbc.sql("select position from chat_events where chat_id = ? and type = 'message.new' order by 1")
                        .param(chat)
                        .query(Long.class)
                        .list())
                .containsExactlyElementsOf(positions);
    }

    @Test
    void aClientIdRepeatedInsideABatchIsStoredOnceAndTheOthersAreStored() throws Exception {
        var a = api.newUser("Дубль");
        var b = api.newUser("Дублев");
        long chat = api.group(a, "Повтор в пакете", b);
        var held = holdWriterOf(a, chat);
        var original = queue(a, chat, "twice", "Один раз");
        var other = queue(b, chat, "other", "Другое");
        var repeat = queue(a, chat, "twice", "Один раз");
        gate.release();
        held.get();
        assertThat(original.get().status()).isEqualTo(201);
        assertThat(other.get().status()).isEqualTo(201);
        assertThat(repeat.get().status()).isEqualTo(200);
        assertThat(repeat.get().json().get("id").asLong())
                .isEqualTo(original.get().json().get("id").asLong());
        assertThat(positionsOf(chat))
                .hasSize(2)
                .containsExactlyElementsOf(range(positionsOf(chat).getFirst(), 2));
        assertThat(messageEvents(chat)).isEqualTo(2);
    }

    @Test
    void retriesInABatchGetTheOriginalsAndTheFreshSendsAreStillStoredTogether() throws Exception {
        var a = api.newUser("Переотправка");
        var b = api.newUser("Переотправкин");
        long chat = api.group(a, "Исходящие после обрыва", b);
        var firstTry = api.sendMessage(a, chat, "outbox-1", "Ушло, но ответ потерян");
        assertThat(firstTry.status()).isEqualTo(201);
        var held = holdWriterOf(a, chat);
        var retry = queue(a, chat, "outbox-1", "Ушло, но ответ потерян");
        List<CompletableFuture<Api.Response>> fresh = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fresh.add(queue(i % 2 == 0 ? b : a, chat, "fresh-" + i, "Новое " + i));
        }
        gate.release();
        held.get();
        assertThat(retry.get().status()).isEqualTo(200);
        assertThat(retry.get().json().get("id").asLong())
                .isEqualTo(firstTry.json().get("id").asLong());
        for (var send : fresh) {
            assertThat(send.get().status()).isEqualTo(201);
        }
        assertThat(positionsOf(chat))
                .containsExactlyElementsOf(range(positionsOf(chat).getFirst(), 4));
        assertThat(jdbc.sql(
                                "select count(distinct created_at) from messages where chat_id = ? and client_id like 'fresh-%'")
                        .param(chat)
                        .query(Long.class)
                        .single())
                .as("the fresh sends of the batch in one transaction, not one by one")
                .isEqualTo(1);
    }

    @Test
    void aSenderRemovedWhileQueuedIsRefusedAndTheOthersAreStored() throws Exception {
        var a = api.newUser("Владелец");
        var b = api.newUser("Ушедший");
        long chat = api.group(a, "Удаление в очереди", b);
        var held = holdWriterOf(a, chat);
        var removed = queue(b, chat, "gone", "Меня уже нет");
        var kept = queue(a, chat, "kept", "Я остался");
        assertThat(api.send(a, "DELETE", "/api/v1/chats/" + chat + "/members/" + b.userId(), null)
                        .status())
                .isBetween(200, 204);
        gate.release();
        held.get();
        assertThat(removed.get().status()).isEqualTo(404);
        assertThat(kept.get().status()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from messages where chat_id = ? and sender_id = ?")
                        .params(chat, b.userId())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(messageEvents(chat)).isEqualTo(1);
        assertThat(counters.peek("flood.sender:" + b.userId())
                        .map(ru.parta.shared.RateCounters.Count::hits)
                        .orElse(0L))
                .as("the refused message gave back what the flood limit counted for it")
                .isZero();
    }

    /**
     * Sends a message into another chat handled by the same writer as {@code chat} and holds its transaction open, so
     * that sends to {@code chat} queue up without {@code chat}'s row being locked.
     */
    private CompletableFuture<Api.Response> holdWriterOf(Api.Session owner, long chat) throws Exception {
        long other = api.group(owner, "Задержка");
        while (!writer.sameWriter(chat, other)) {
            other = api.group(owner, "Задержка");
        }
        gate.hold(other);
        long held = other;
        var send = CompletableFuture.supplyAsync(() -> api.sendMessage(owner, held, "held", "Держу"), pool);
        gate.awaitHolding();
        return send;
    }

    /** Sends in the background and returns once the send waits in the writer's queue. */
    private CompletableFuture<Api.Response> queue(Api.Session s, long chat, String clientId, String text) {
        return queue(chat, () -> api.sendMessage(s, chat, clientId, text));
    }

    private CompletableFuture<Api.Response> queue(long chat, java.util.function.Supplier<Api.Response> request) {
        int before = writer.queued(chat);
        var send = CompletableFuture.supplyAsync(request, pool);
        await().atMost(Duration.ofSeconds(20)).until(() -> writer.queued(chat) > before || send.isDone());
        return send;
    }

    private List<Long> positionsOf(long chat) {
        return jdbc.sql("select position from messages where chat_id = ? order by position")
                .param(chat)
                .query(Long.class)
                .list();
    }

    private long messageEvents(long chat) {
        return jdbc.sql("select count(*) from chat_events where chat_id = ? and type = 'message.new'")
                .param(chat)
                .query(Long.class)
                .single();
    }

    private static List<Long> range(long first, int count) {
        List<Long> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(first + i);
        }
        return list;
    }
}
