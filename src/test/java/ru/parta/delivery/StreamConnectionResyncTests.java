package ru.parta.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import ru.parta.chats.ChatSyncStub;
import tools.jackson.databind.json.JsonMapper;

/**
 * A resync (after the cluster bus returns) must not move a connection's cursors back: a catch-up that lands while the
 * chats are being re-read has already written its events, and writing them again would deliver them twice. The worker
 * pool and the event loop are stepped by hand to force exactly that interleaving.
 */
class StreamConnectionResyncTests {

    static final long CHAT = 6;

    /** Runs submitted tasks only when the test says so. */
    static final class SteppedExecutor extends InlineExecutorService {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            tasks.add(command);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    @Test
    void aCatchUpLandingDuringAResyncIsNotWrittenAgain() {
        var workers = new SteppedExecutor();
        var connections = new Connections(new org.springframework.beans.factory.support.StaticListableBeanFactory()
                .getBeanProvider(Presence.class));
        var context = new StreamContext(
                ChatSyncStub.withEvents(CHAT, List.of("{\"position\":1}", "{\"position\":2}")),
                null,
                null,
                connections,
                new DeliveryMetrics(new SimpleMeterRegistry(), connections),
                new DeliveryProperties(
                        0,
                        "127.0.0.1",
                        65536,
                        32768,
                        65536,
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(120),
                        500,
                        32,
                        List.of(),
                        0),
                JsonMapper.builder().build(),
                null,
                workers);
        var channel = new EmbeddedChannel();
        var connection = new StreamConnection(context, channel, 1, 1, Locale.ROOT);

        connection.hello(Map.of(CHAT, 0L));
        workers.runAll(); // memberships read
        channel.runPendingTasks(); // ready: chat behind, catch-up submitted
        connection.resync(); // the bus came back: queued on the event loop before the catch-up's result
        workers.runAll(); // catch-up read events 1 and 2
        channel.runPendingTasks(); // resync starts re-reading the chats; the catch-up writes 1 and 2
        workers.runAll();
        channel.runPendingTasks(); // the resync completes
        workers.runAll();
        channel.runPendingTasks();

        assertThat(written(channel)).containsExactly("{\"position\":1}", "{\"position\":2}");
        channel.finishAndReleaseAll();
    }

    private static List<String> written(EmbeddedChannel channel) {
        List<String> frames = new ArrayList<>();
        for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            if (out instanceof TextWebSocketFrame frame) {
                String text = frame.text();
                if (text.startsWith("{\"position\"")) {
                    frames.add(text);
                }
            }
            io.netty.util.ReferenceCountUtil.release(out);
        }
        return frames;
    }
}
