package ru.parta.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Real WebSocket clients of the stream on Netty (epoll where available): each connection sends {@code hello} with its
 * cursors, waits for {@code ready}, then records every {@code message.new} of this run: exactly-once receipts in the
 * {@link DeliveryLedger} and the latency from the message's scheduled send time.
 */
final class StreamClients implements AutoCloseable {

    /** Client sockets per loopback source address (127.0.0.2, .3, …), well below the ephemeral port range. */
    static final int PER_SOURCE_ADDRESS = 10_000;

    private final EventLoopGroup group;
    private final boolean epoll;
    private final DeliveryLedger ledger;
    private final LatencyRecorder latency;
    private final String runPrefix;
    private final Semaphore connecting = new Semaphore(64);
    final ConcurrentHistogram connectMicros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
    final AtomicLong connectFailures = new AtomicLong();
    final AtomicLong closedByServer = new AtomicLong();
    final AtomicLong measuredDeliveries = new AtomicLong();
    private final Channel[] channels;
    private final Map<String, CompletableFuture<String>> answers = new java.util.concurrent.ConcurrentHashMap<>();

    StreamClients(int connections, DeliveryLedger ledger, LatencyRecorder latency, String runPrefix) {
        this.epoll = Epoll.isAvailable();
        this.group = new MultiThreadIoEventLoopGroup(
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        this.ledger = ledger;
        this.latency = latency;
        this.runPrefix = runPrefix + "-";
        this.channels = new Channel[connections];
    }

    boolean epoll() {
        return epoll;
    }

    /** Opens connection {@code index}; the future completes when the server said {@code ready}. */
    CompletableFuture<Void> open(int index, URI streamUri, String token, Map<Long, Long> cursors) {
        var ready = new CompletableFuture<Void>();
        try {
            connecting.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ready.completeExceptionally(e);
            return ready;
        }
        ready.whenComplete((v, e) -> connecting.release());
        long started = System.nanoTime();
        URI uri = URI.create(streamUri + "?token=" + token);
        String hello = "{\"type\":\"hello\",\"cursors\":{"
                + cursors.entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                        .collect(Collectors.joining(","))
                + "}}";
        DeliveryLedger.Receipts receipts = ledger.receipts(index);
        var bootstrap = new Bootstrap()
                .group(group)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 15_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpClientCodec())
                                .addLast(new HttpObjectAggregator(65536))
                                .addLast(new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                                        .webSocketUri(uri)
                                        .maxFramePayloadLength(1 << 20)
                                        // the server's frames are trusted here; validating UTF-8 cost ~6% of the tool
                                        .withUTF8Validator(false)
                                        .handshakeTimeoutMillis(30_000)
                                        .build()))
                                .addLast(new WebSocketFrameAggregator(1 << 20))
                                .addLast(new Handler(hello, ready, receipts, started));
                    }
                });
        var remote = new InetSocketAddress(uri.getHost(), uri.getPort());
        var future = remote.getAddress().isLoopbackAddress()
                        && remote.getAddress().getAddress().length == 4
                ? bootstrap.connect(remote, new InetSocketAddress("127.0.0." + (2 + index / PER_SOURCE_ADDRESS), 0))
                : bootstrap.connect(remote);
        channels[index] = future.channel();
        future.addListener(f -> {
            if (!f.isSuccess()) {
                connectFailures.incrementAndGet();
                ready.completeExceptionally(f.cause());
            }
        });
        return ready;
    }

    private final class Handler extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final String hello;
        private final CompletableFuture<Void> ready;
        private final DeliveryLedger.Receipts receipts;
        private final long started;

        Handler(String hello, CompletableFuture<Void> ready, DeliveryLedger.Receipts receipts, long started) {
            this.hello = hello;
            this.ready = ready;
            this.receipts = receipts;
            this.started = started;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                ctx.writeAndFlush(new TextWebSocketFrame(hello));
                ctx.channel()
                        .eventLoop()
                        .scheduleAtFixedRate(
                                () -> {
                                    if (ctx.channel().isActive()) {
                                        ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"ping\"}"));
                                    }
                                },
                                30,
                                30,
                                TimeUnit.SECONDS);
            } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                ready.completeExceptionally(new BenchException("WebSocket handshake timed out"));
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof CloseWebSocketFrame close) {
                closedByServer.incrementAndGet();
                ready.completeExceptionally(
                        new BenchException("closed by server: " + close.statusCode() + " " + close.reasonText()));
                return;
            }
            if (!(frame instanceof TextWebSocketFrame text)) {
                return;
            }
            // Latin-1 is a plain byte copy; the fields read here (type, event, clientId, code) are ASCII, and the
            // UTF-8 decoding of whole frames was a tenth of the tool's CPU
            String s = text.content().toString(StandardCharsets.ISO_8859_1);
            if (!ready.isDone() && s.startsWith("{\"type\":\"ready\"")) {
                connectMicros.recordValue((System.nanoTime() - started) / 1000);
                ready.complete(null);
                return;
            }
            if (s.startsWith("{\"type\":\"sent\"") || s.startsWith("{\"type\":\"error\"")) {
                onAnswer(s);
                return;
            }
            onFrame(s, receipts);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            ready.completeExceptionally(new BenchException("connection closed before ready"));
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ready.completeExceptionally(cause);
            ctx.close();
        }
    }

    /**
     * Handles one text frame: a {@code message.new} of this run is a delivery; anything else is ignored. Pushed frames
     * are compact JSON, but frames replayed by a catch-up come from PostgreSQL {@code jsonb} ({@code "key": "value"},
     * keys reordered), so the scan tolerates whitespace and any key order.
     */
    void onFrame(String s, DeliveryLedger.Receipts receipts) {
        if (!"message.new".equals(stringField(s, "\"event\""))) {
            return;
        }
        String clientId = stringField(s, "\"clientId\"");
        if (clientId == null || !clientId.startsWith(runPrefix)) {
            return;
        }
        int from = runPrefix.length();
        int dash = clientId.indexOf('-', from);
        if (dash < 0) {
            return;
        }
        long seq;
        long scheduledMicros;
        try {
            seq = Long.parseLong(clientId, from, dash, 10);
            scheduledMicros = Long.parseLong(clientId, dash + 1, clientId.length(), 10);
        } catch (NumberFormatException e) {
            return;
        }
        long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        receipts.record(seq);
        if (latency.record(scheduledMicros, nowMicros)) {
            measuredDeliveries.incrementAndGet();
        }
    }

    /**
     * Sends a message as a {@code send} frame on connection {@code index}; the future completes with null when the
     * server answered {@code sent}, or with the error code it answered (or {@code connection-lost}).
     */
    CompletableFuture<String> send(int index, long chatId, String clientId, String text) {
        var answer = new CompletableFuture<String>();
        answers.put(clientId, answer);
        Channel channel = channels[index];
        String frame = "{\"type\":\"send\",\"chatId\":" + chatId + ",\"clientId\":\"" + clientId + "\",\"text\":\""
                + text + "\"}";
        channel.writeAndFlush(new TextWebSocketFrame(frame)).addListener(f -> {
            if (!f.isSuccess() && answers.remove(clientId) != null) {
                answer.complete("connection-lost");
            }
        });
        return answer;
    }

    private void onAnswer(String s) {
        String clientId = stringField(s, "\"clientId\"");
        CompletableFuture<String> answer = clientId == null ? null : answers.remove(clientId);
        if (answer != null) {
            answer.complete(s.startsWith("{\"type\":\"sent\"") ? null : "stream-" + stringField(s, "\"code\""));
        }
    }

    /** The value of the first {@code "key": "string"} in the text, or null; for simple values without escapes. */
    static String stringField(String s, String quotedKey) {
        int at = 0;
        while ((at = s.indexOf(quotedKey, at)) >= 0) {
            int i = at + quotedKey.length();
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i < s.length() && s.charAt(i) == ':') {
                i++;
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i < s.length() && s.charAt(i) == '"') {
                    int end = s.indexOf('"', i + 1);
                    return end < 0 ? null : s.substring(i + 1, end);
                }
                return null;
            }
            at = i;
        }
        return null;
    }

    @Override
    public void close() {
        for (Channel c : channels) {
            if (c != null) {
                c.close();
            }
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
