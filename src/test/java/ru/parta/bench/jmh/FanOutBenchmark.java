package ru.parta.bench.jmh;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
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
import ru.parta.delivery.FanOutHarness;

/**
 * Fan-out of one committed event to 30 / 300 / 3,000 local connections: the real {@code LocalFanOut} and
 * {@code StreamConnection} (cursor check, shared frame bytes, metrics) over Netty {@link EmbeddedChannel}s whose
 * socket always has room, against a bare baseline that only writes the shared bytes to each channel. Time is per
 * event (all recipients).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FanOutBenchmark {

    @Param({"30", "300", "3000"})
    int connections;

    private FanOutHarness harness;
    private EmbeddedChannel[] bare;
    private byte[] frame;

    @Setup(Level.Trial)
    public void setUp() {
        frame = FrameSerializationBenchmark.sampleFrame().getBytes(StandardCharsets.UTF_8);
        harness = new FanOutHarness(connections, 12);
        bare = new EmbeddedChannel[connections];
        for (int i = 0; i < connections; i++) {
            bare[i] = new EmbeddedChannel(new Discard());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        harness.close();
        for (EmbeddedChannel c : bare) {
            c.finishAndReleaseAll();
        }
    }

    @Benchmark
    public void localFanOut() {
        harness.publish(frame);
    }

    @Benchmark
    public void bareWrites() {
        for (EmbeddedChannel c : bare) {
            c.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(frame)), c.voidPromise());
        }
    }

    private static final class Discard extends ChannelOutboundHandlerAdapter {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            ReferenceCountUtil.release(msg);
            promise.trySuccess();
        }
    }
}
