package ru.parta.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import ru.parta.chats.MessageView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serialising one {@code message.new} event frame with Jackson 3's {@link JsonMapper}, built exactly as
 * {@code ChatEventLog} does (an ordered map around the {@link MessageView}). This happens once per event, not per
 * recipient: the bytes are shared by the fan-out.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameSerializationBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageView message = message();

    static MessageView message() {
        return new MessageView(
                77,
                12,
                43,
                3,
                "7f1c2a9e-5b1d-4c1e-9a63-2f1f6f0b9b11",
                "Домашнее задание: §12, упражнения 3–7. Не забудьте тетради по русскому языку!",
                null,
                List.of(),
                false,
                false,
                Instant.parse("2026-09-01T08:30:00Z"),
                null,
                Map.of(),
                false);
    }

    static Map<String, Object> frame(MessageView message) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "event");
        frame.put("chatId", message.chatId());
        frame.put("position", message.position());
        frame.put("event", "message.new");
        frame.put("at", Instant.now().toString());
        frame.put("data", Map.of("message", message));
        return frame;
    }

    static String sampleFrame() {
        return JSON.writeValueAsString(frame(message()));
    }

    @Benchmark
    public byte[] eventFrameToBytes() {
        return JSON.writeValueAsString(frame(message)).getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] eventFrameWriteValueAsBytes() {
        return JSON.writeValueAsBytes(frame(message));
    }
}
