package ru.parta.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;
import ru.parta.support.StreamClient;

@IntegrationTest
class StreamIntegrationTests {

    @Autowired
    Api api;

    @Test
    void pushesNewMessagesEditsReactionsReadsAndMembershipChanges() {
        var a = api.newUser("Отправитель");
        var b = api.newUser("Получатель");
        var c = api.newUser("Новенький");
        long chat = api.group(a, "Живой чат", b);
        var stream = StreamClient.connect(api.streamPort(b), b.token()).hello();
        await().until(stream::ready);

        long id = api.sendMessage(a, chat, "live-1", "Привет!").json().get("id").asLong();
        api.send(a, "PATCH", "/api/v1/chats/" + chat + "/messages/" + id, Map.of("text", "Привет всем!"));
        api.post(a, "/api/v1/chats/" + chat + "/messages/" + id + "/reactions", Map.of("emoji", "🔥"));
        api.post(a, "/api/v1/chats/" + chat + "/members", Map.of("userIds", java.util.List.of(c.userId())));
        api.send(a, "DELETE", "/api/v1/chats/" + chat + "/messages/" + id, null);

        await().untilAsserted(() -> assertThat(stream.framesOfType("event"))
                .extracting(f -> f.get("event").asString())
                .containsSubsequence(
                        "message.new", "message.edited", "reaction.added", "member.added", "message.deleted"));
        var created = stream.events("message.new").getLast();
        assertThat(created.get("data").get("message").get("text").asString()).isEqualTo("Привет!");
        assertThat(stream.events("message.edited")
                        .getLast()
                        .get("data")
                        .get("message")
                        .get("text")
                        .asString())
                .isEqualTo("Привет всем!");
    }

    @Test
    void aNewMemberReceivesTheChatFromTheirJoinWithoutReconnecting() {
        var owner = api.newUser("Хозяин");
        var joiner = api.newUser("Присоединившийся");
        long chat = api.group(owner, "Поздний вход");
        api.sendMessage(owner, chat, "before-join", "До входа");
        var stream =
                StreamClient.connect(api.streamPort(joiner), joiner.token()).hello();
        await().until(stream::ready);
        api.post(owner, "/api/v1/chats/" + chat + "/members", Map.of("userIds", java.util.List.of(joiner.userId())));
        api.sendMessage(owner, chat, "after-join", "После входа");
        await().untilAsserted(() -> assertThat(stream.events("message.new"))
                .extracting(f -> f.get("data").get("message").get("text").asString())
                .containsExactly("После входа"));
        assertThat(stream.events("member.added")).hasSize(1);
    }

    @Test
    void resumesFromCursorWithExactlyTheMissedEvents() {
        var a = api.newUser("Пишущий");
        var b = api.newUser("Отключавшийся");
        long chat = api.group(a, "Возобновление", b);
        var first = StreamClient.connect(api.streamPort(b), b.token()).hello();
        api.sendMessage(a, chat, "r-1", "Один");
        await().until(() -> first.events("message.new").size() == 1);
        Map<Long, Long> cursors = first.cursors();
        first.abort();
        api.sendMessage(a, chat, "r-2", "Два");
        api.sendMessage(a, chat, "r-3", "Три");
        var second = StreamClient.connect(api.streamPort(b), b.token()).hello(cursors);
        await().untilAsserted(() -> assertThat(second.events("message.new"))
                .extracting(f -> f.get("data").get("message").get("text").asString())
                .containsExactly("Два", "Три"));
    }

    @Test
    void typingIsRelayedToOtherMembersOnly() {
        var a = api.newUser("Печатающий");
        var b = api.newUser("Смотрящий");
        long chat = api.group(a, "Набор", b);
        var sa = StreamClient.connect(api.streamPort(a), a.token()).hello();
        var sb = StreamClient.connect(api.streamPort(b), b.token()).hello();
        await().until(() -> sa.ready() && sb.ready());
        sa.send("{\"type\":\"typing\",\"chatId\":" + chat + "}");
        await().until(() -> !sb.framesOfType("typing").isEmpty());
        assertThat(sb.framesOfType("typing")
                        .getFirst()
                        .get("data")
                        .get("userId")
                        .asLong())
                .isEqualTo(a.userId());
        assertThat(sa.framesOfType("typing")).isEmpty();
    }

    @Test
    void badFramesGetErrorFramesAndTheConnectionStaysOpen() {
        var a = api.newUser("Хулиган");
        var s = StreamClient.connect(api.streamPort(a), a.token());
        s.send("not json at all");
        s.send("{\"type\":\"launch-rockets\"}");
        s.send("{\"type\":\"hello\",\"cursors\":{\"abc\":1}}");
        s.send("{\"type\":\"typing\",\"chatId\":999999999}");
        s.send("{\"type\":\"ping\"}");
        await().untilAsserted(() -> assertThat(s.framesOfType("error"))
                .extracting(f -> f.get("code").asString())
                .containsExactlyInAnyOrder("MALFORMED_FRAME", "UNKNOWN_FRAME", "INVALID_CURSORS", "CHAT_NOT_FOUND"));
        await().until(() -> !s.framesOfType("pong").isEmpty());
        assertThat(s.closed()).isNotDone();
    }

    @Test
    void refusesUpgradeWithoutValidToken() {
        var client = HttpClient.newHttpClient();
        int port = api.streamPort(api.newUser("Порт"));
        var attempt = client.newWebSocketBuilder()
                .buildAsync(
                        URI.create("ws://127.0.0.1:" + port + "/api/v1/stream?token=forged"),
                        new WebSocket.Listener() {});
        assertThat(attempt)
                .failsWithin(10, TimeUnit.SECONDS)
                .withThrowableThat()
                .withStackTraceContaining("401");
    }

    @Test
    void revokingTheSessionClosesItsStreamWith4001() {
        var a = api.newUser("Отзываемый");
        var other = api.login(a.login(), a.userId());
        var s = StreamClient.connect(api.streamPort(other), other.token()).hello();
        await().until(s::ready);
        long otherId = api.get(other, "/api/v1/me/sessions").list().stream()
                .filter(x -> x.get("current").asBoolean())
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        api.send(a, "DELETE", "/api/v1/me/sessions/" + otherId, null);
        assertThat(s.closed()).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(4001);
    }

    @Test
    void oversizedFrameClosesWith1009() {
        var a = api.newUser("Большой");
        var s = StreamClient.connect(api.streamPort(a), a.token());
        try {
            s.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
        } catch (CompletionException ignored) {
            // the server may cut the connection while the frame is still being written
        }
        // 1009 when the close frame arrives before the server drops the rest of the oversized frame; 1006 (abnormal
        // closure) when the client is still writing and its TCP connection is reset first. Either way: closed.
        assertThat(s.closed()).succeedsWithin(Duration.ofSeconds(10)).isIn(1009, 1006, -1);
    }
}
