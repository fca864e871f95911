package ru.parta.delivery;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ru.parta.chats.ChatEvent;
import ru.parta.chats.ChatSyncStub;
import tools.jackson.databind.json.JsonMapper;

/**
 * For micro-benchmarks: the real {@link LocalFanOut}, {@link Connections} and {@link StreamConnection}s over Netty
 * {@link EmbeddedChannel}s whose outbound end discards the frames (a socket that always keeps up). Everything runs on
 * the calling thread; there is no database.
 */
public final class FanOutHarness {

    private final LocalFanOut fanOut;
    private final List<EmbeddedChannel> channels = new ArrayList<>();
    private final long chatId;
    private final long[] recipients;
    private long position;

    public FanOutHarness(int connections, long chatId) {
        this.chatId = chatId;
        var connectionsById = new Connections(new org.springframework.beans.factory.support.StaticListableBeanFactory()
                .getBeanProvider(Presence.class));
        var properties = new DeliveryProperties(
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
                0);
        var context = new StreamContext(
                ChatSyncStub.memberOf(chatId),
                null,
                null,
                connectionsById,
                new DeliveryMetrics(new SimpleMeterRegistry(), connectionsById),
                properties,
                JsonMapper.builder().build(),
                null,
                new DirectExecutor());
        this.fanOut = new LocalFanOut(connectionsById);
        this.recipients = new long[connections];
        for (int i = 0; i < connections; i++) {
            var channel = new EmbeddedChannel(new Discard());
            var connection = new StreamConnection(context, channel, i + 1, i + 1, Locale.ROOT);
            connectionsById.add(connection);
            connection.hello(Map.of(chatId, 0L));
            channel.runPendingTasks();
            channels.add(channel);
            recipients[i] = i + 1;
        }
    }

    /** Publishes the chat's next event (the frame bytes are shared by every recipient, as in production). */
    public void publish(byte[] frame) {
        fanOut.publish(new ChatEvent(chatId, ++position, frame, recipients, System.nanoTime()));
    }

    public List<EmbeddedChannel> channels() {
        return channels;
    }

    public void close() {
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
    }

    /** The end of the pipeline: drops every frame, like a socket that always has room. */
    private static final class Discard extends ChannelOutboundHandlerAdapter {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            ReferenceCountUtil.release(msg);
            promise.trySuccess();
        }
    }

    private static final class DirectExecutor extends InlineExecutorService {
        @Override
        public void execute(Runnable command) {
            command.run();
        }
    }
}
