package ru.parta.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test client of the WebSocket stream on the JDK's WebSocket. It records every frame; for event frames it keeps,
 * per chat, the positions received in arrival order, and its own cursors (highest position seen), so a test can
 * reconnect with them exactly as a real client does.
 */
public final class StreamClient implements WebSocket.Listener {

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final Tracker tracker;
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean autoRead;
    private boolean dead;
    private WebSocket socket;

    private StreamClient(boolean autoRead, Tracker tracker) {
        this.autoRead = autoRead;
        this.tracker = tracker;
    }

    /**
     * What one user has received across all of their connections: positions per chat in arrival order, and cursors.
     * Several connections may feed one tracker, one after another, as a phone reconnecting does.
     */
    public static final class Tracker {
        private final Map<Long, List<Long>> positions = new ConcurrentHashMap<>();
        private final Map<Long, Long> cursors = new ConcurrentHashMap<>();

        synchronized void record(JsonNode frame) {
            long chat = frame.get("chatId").asLong();
            long position = frame.get("position").asLong();
            positions.computeIfAbsent(chat, k -> new CopyOnWriteArrayList<>()).add(position);
            cursors.merge(chat, position, Math::max);
        }

        public synchronized Map<Long, Long> cursors() {
            return Map.copyOf(cursors);
        }

        public List<Long> positions(long chatId) {
            return positions.getOrDefault(chatId, List.of());
        }
    }

    public static StreamClient connect(int port, String token) {
        return connect(port, token, true, new Tracker());
    }

    public static StreamClient connect(int port, String token, Tracker tracker) {
        return connect(port, token, true, tracker);
    }

    /** With {@code autoRead} false the client never asks for more frames, like a stalled phone. */
    public static StreamClient connect(int port, String token, boolean autoRead, Tracker tracker) {
        var client = new StreamClient(autoRead, tracker);
        client.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/stream?token=" + token), client)
                .join();
        return client;
    }

    public StreamClient hello() {
        return hello(tracker.cursors());
    }

    public StreamClient hello(Map<Long, Long> from) {
        send(json.writeValueAsString(Map.of("type", "hello", "cursors", from)));
        return this;
    }

    /** A stalled client starts reading again. */
    public void drain() {
        autoRead = true;
        socket.request(1);
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Cuts the connection like a lost network; after this returns, nothing more is recorded from it. */
    public void abort() {
        synchronized (this) {
            dead = true;
        }
        socket.abort();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (autoRead) {
            webSocket.request(1);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonNode frame = json.readTree(partial.toString());
            partial.setLength(0);
            synchronized (this) {
                if (dead) {
                    return null;
                }
                if ("event".equals(frame.path("type").asString())) {
                    tracker.record(frame);
                }
                frames.add(frame);
            }
        }
        if (autoRead) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    public List<JsonNode> frames() {
        return new ArrayList<>(frames);
    }

    public List<JsonNode> framesOfType(String type) {
        return frames.stream()
                .filter(f -> type.equals(f.path("type").asString()))
                .toList();
    }

    public List<JsonNode> events(String event) {
        return framesOfType("event").stream()
                .filter(f -> event.equals(f.path("event").asString()))
                .toList();
    }

    public List<Long> positions(long chatId) {
        return tracker.positions(chatId);
    }

    public Map<Long, Long> cursors() {
        return tracker.cursors();
    }

    public boolean ready() {
        return !framesOfType("ready").isEmpty();
    }

    public CompletableFuture<Integer> closed() {
        return closed;
    }
}
