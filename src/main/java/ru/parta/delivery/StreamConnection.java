package ru.parta.delivery;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import ru.parta.chats.ChatEvent;
import ru.parta.chats.ChatSync;

/**
 * One client's stream, with the position up to which each of its chats has been written to it (its cursors).
 *
 * <p>Invariants, which together give exactly-once, in-order delivery per chat:
 * <ul>
 *   <li>All state is touched only on the channel's event loop; other threads hand work over with {@link #offer}.
 *   <li>A pushed event is written only if its position is exactly the chat's cursor + 1; an older one is dropped as a
 *       duplicate, a newer one (a gap: pushes from different committing threads may arrive out of order) marks the chat
 *       behind and triggers a catch-up that reads the missed events from the database, which holds no holes.
 *   <li>Memory is bounded: nothing is queued in the application. When the socket's buffer passes its high-water mark
 *       the connection stops writing and marks chats behind; it catches up from the database when the buffer drains,
 *       and is closed with 4008 if it stays stuck longer than the slow-consumer timeout.
 * </ul>
 */
final class StreamConnection {

    private enum State {
        AWAITING_HELLO,
        SYNCING,
        READY,
        CLOSED
    }

    private final StreamContext ctx;
    private final Channel channel;
    private final long userId;
    private final long sessionId;
    private final Locale locale;
    private final Map<Long, Long> cursors = new HashMap<>(8);
    private final Set<Long> behind = new HashSet<>(4);
    private State state = State.AWAITING_HELLO;
    private boolean catchUpRunning;
    private long unwritableSince;

    StreamConnection(StreamContext ctx, Channel channel, long userId, long sessionId, Locale locale) {
        this.ctx = ctx;
        this.channel = channel;
        this.userId = userId;
        this.sessionId = sessionId;
        this.locale = locale;
    }

    long userId() {
        return userId;
    }

    Channel channel() {
        return channel;
    }

    long sessionId() {
        return sessionId;
    }

    Locale locale() {
        return locale;
    }

    /** Hands a committed event to this connection; safe from any thread. */
    void offer(ChatEvent event) {
        if (channel.eventLoop().inEventLoop()) {
            onEvent(event);
        } else {
            channel.eventLoop().execute(() -> onEvent(event));
        }
    }

    private void onEvent(ChatEvent event) {
        if (state == State.CLOSED) {
            return;
        }
        if (!event.durable()) {
            if (state == State.READY && channel.isWritable()) {
                write(event.frame(), 0);
            }
            return;
        }
        long chatId = event.chatId();
        if (state != State.READY) {
            behind.add(chatId);
            return;
        }
        Long cursor = cursors.get(chatId);
        if (cursor != null && event.position() <= cursor) {
            return;
        }
        if (cursor != null && event.position() == cursor + 1 && !behind.contains(chatId) && channel.isWritable()) {
            write(event.frame(), event.acceptedAtNanos());
            cursors.put(chatId, event.position());
            return;
        }
        behind.add(chatId);
        scheduleCatchUp();
    }

    /**
     * Applies the client's hello: its cursors, clamped to what it may read, then catches up every chat behind. With
     * {@code null} (a resync) the connection's own cursors at the moment the chats have been re-read are used.
     */
    void hello(Map<Long, Long> clientCursors) {
        state = State.SYNCING;
        ctx.workers().execute(() -> {
            try {
                List<ChatSync.Membership> memberships = ctx.sync().memberships(userId);
                channel.eventLoop().execute(() -> ready(clientCursors, memberships));
            } catch (RuntimeException e) {
                channel.eventLoop().execute(() -> close(1011, "SYNC_FAILED"));
            }
        });
    }

    private void ready(Map<Long, Long> clientCursors, List<ChatSync.Membership> memberships) {
        if (state == State.CLOSED) {
            return;
        }
        if (clientCursors == null) {
            // a resync keeps the cursors as they are now: a catch-up may have written more while the chats were read
            clientCursors = new HashMap<>(cursors);
        }
        cursors.clear();
        for (ChatSync.Membership m : memberships) {
            long base = Math.max(clientCursors.getOrDefault(m.chatId(), 0L), m.joinedPosition() - 1);
            cursors.put(m.chatId(), base);
            if (m.lastPosition() > base) {
                behind.add(m.chatId());
            }
        }
        state = State.READY;
        sendText("{\"type\":\"ready\",\"chats\":" + memberships.size() + "}");
        scheduleCatchUp();
    }

    private void scheduleCatchUp() {
        if (catchUpRunning || behind.isEmpty() || state != State.READY || !channel.isWritable()) {
            return;
        }
        catchUpRunning = true;
        Map<Long, Long> from = new HashMap<>();
        for (Long chatId : behind) {
            from.put(chatId, cursors.get(chatId));
        }
        behind.clear();
        int batch = ctx.properties().catchUpBatch();
        ctx.workers().execute(() -> {
            Map<Long, List<ChatSync.StoredEvent>> found = new HashMap<>();
            try {
                for (var entry : from.entrySet()) {
                    Long after = entry.getValue();
                    if (after == null) {
                        var membership = ctx.sync().membership(userId, entry.getKey());
                        if (membership.isEmpty()) {
                            continue;
                        }
                        after = membership.get().joinedPosition() - 1;
                    }
                    found.put(entry.getKey(), ctx.sync().eventsAfter(userId, entry.getKey(), after, batch));
                }
                ctx.metrics().caughtUp();
                channel.eventLoop().execute(() -> applyCatchUp(from, found, batch));
            } catch (RuntimeException e) {
                channel.eventLoop().execute(() -> {
                    catchUpRunning = false;
                    behind.addAll(from.keySet());
                    channel.eventLoop().schedule(this::scheduleCatchUp, 1, TimeUnit.SECONDS);
                });
            }
        });
    }

    private void applyCatchUp(Map<Long, Long> from, Map<Long, List<ChatSync.StoredEvent>> found, int batch) {
        catchUpRunning = false;
        if (state == State.CLOSED) {
            return;
        }
        for (var entry : found.entrySet()) {
            long chatId = entry.getKey();
            List<ChatSync.StoredEvent> events = entry.getValue();
            for (ChatSync.StoredEvent e : events) {
                Long cursor = cursors.get(chatId);
                if (cursor != null && e.position() <= cursor) {
                    continue;
                }
                if (!channel.isWritable()) {
                    behind.add(chatId);
                    break;
                }
                write(e.frame().getBytes(StandardCharsets.UTF_8), 0);
                cursors.put(chatId, e.position());
            }
            if (events.size() == batch) {
                behind.add(chatId);
            }
        }
        for (Long chatId : from.keySet()) {
            if (!found.containsKey(chatId) && from.get(chatId) == null) {
                cursors.remove(chatId);
            }
        }
        channel.flush();
        scheduleCatchUp();
    }

    /** Re-reads the user's chats and catches up from the current cursors; safe from any thread. */
    void resync() {
        channel.eventLoop().execute(() -> {
            if (state == State.READY) {
                hello(null);
            }
        });
    }

    /** Called on the event loop when the socket's buffer crosses a water mark. */
    void writabilityChanged() {
        if (channel.isWritable()) {
            unwritableSince = 0;
            scheduleCatchUp();
            return;
        }
        long now = System.nanoTime();
        unwritableSince = now;
        long timeout = ctx.properties().slowConsumerTimeout().toNanos();
        channel.eventLoop()
                .schedule(
                        () -> {
                            if (unwritableSince == now && !channel.isWritable() && state != State.CLOSED) {
                                ctx.metrics().slowConsumer();
                                close(4008, "SLOW_CONSUMER: reconnect and resume from your cursors");
                            }
                        },
                        timeout,
                        TimeUnit.NANOSECONDS);
    }

    void sendText(String text) {
        if (state != State.CLOSED) {
            channel.writeAndFlush(new TextWebSocketFrame(text));
        }
    }

    private void write(byte[] frame, long acceptedAtNanos) {
        channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(frame)), channel.voidPromise());
        ctx.metrics().delivered(acceptedAtNanos);
    }

    /** Closes with a WebSocket close code; safe from any thread. */
    void close(int code, String reason) {
        channel.eventLoop().execute(() -> {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
            channel.eventLoop().schedule(() -> channel.close(), 2, TimeUnit.SECONDS);
        });
    }

    void closed() {
        state = State.CLOSED;
    }
}
