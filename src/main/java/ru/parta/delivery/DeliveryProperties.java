package ru.parta.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The real-time stream's settings.
 *
 * @param port TCP port of the WebSocket stream (0 picks a free one, for tests)
 * @param bindAddress address the stream listens on
 * @param maxFrameBytes largest client frame accepted; bigger ones close the socket with 1009
 * @param writeBufferLowBytes a paused connection resumes writing below this many queued bytes
 * @param writeBufferHighBytes a connection pauses writing above this many queued bytes
 * @param slowConsumerTimeout a connection paused this long is closed with 4008 and resumes from its cursors
 * @param idleTimeout a connection that sends nothing for this long is closed (clients ping every 30 s)
 * @param catchUpBatch events read from the database per chat per catch-up round
 * @param maxPendingSends {@code send} frames one connection may have unanswered; more are refused at once
 * @param allowedOrigins extra browser origins allowed to open the stream with the session cookie
 * @param eventLoops threads that run the stream's sockets; 0 = one per core. Every push to a connection on a sleeping
 *     loop wakes it, so loops beyond the cores mostly add wake-ups
 */
@Validated
@ConfigurationProperties("parta.stream")
public record DeliveryProperties(
        @DefaultValue("8081") @Min(0) @Max(65535) int port,
        @DefaultValue("0.0.0.0") @NotBlank String bindAddress,
        @DefaultValue("65536") @Min(1024) int maxFrameBytes,
        @DefaultValue("32768") @Min(1024) int writeBufferLowBytes,
        @DefaultValue("65536") @Min(2048) int writeBufferHighBytes,
        @DefaultValue("30s") Duration slowConsumerTimeout,
        @DefaultValue("120s") Duration idleTimeout,
        @DefaultValue("500") @Min(1) @Max(10000) int catchUpBatch,
        @DefaultValue("32") @Min(1) @Max(1000) int maxPendingSends,
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("0") @Min(0) @Max(256) int eventLoops) {

    /** The event loop threads to start. */
    int eventLoopThreads() {
        return eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors();
    }
}
