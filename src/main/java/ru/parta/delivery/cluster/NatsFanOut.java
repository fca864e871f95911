package ru.parta.delivery.cluster;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.parta.accounts.SessionRevoked;
import ru.parta.chats.ChatEvent;
import ru.parta.chats.FanOut;
import ru.parta.delivery.Connections;
import ru.parta.delivery.LocalFanOut;
import ru.parta.delivery.Presence;

/**
 * Cluster fan-out over NATS. Each node subscribes to {@code <prefix>.user.<id>} for exactly the users connected to it,
 * so a node receives only its users' events and adding nodes adds capacity. A committed event goes to local
 * connections directly and to every recipient's subject on the bus (without echo to this node).
 *
 * <p>The bus accelerates, the database decides: if NATS is down or a node misses bus traffic, nothing is lost —
 * pushes stop, clients resume from their database positions, and when the connection to NATS comes back every local
 * connection re-reads its chats and catches up. jnats reconnects by itself, forever, and restores subscriptions.
 */
@Component
@Primary
@ConditionalOnBooleanProperty("parta.cluster.enabled")
class NatsFanOut implements FanOut, Presence, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NatsFanOut.class);
    private static final int HEADER = 16;

    private final ClusterProperties properties;
    private final LocalFanOut local;
    private final Connections connections;
    private final Map<Long, Boolean> subscribed = new ConcurrentHashMap<>();
    private volatile Connection nats;
    private volatile Dispatcher users;
    private volatile boolean running;

    NatsFanOut(ClusterProperties properties, LocalFanOut local, Connections connections) {
        this.properties = properties;
        this.local = local;
        this.connections = connections;
    }

    @Override
    public void publish(ChatEvent event) {
        local.publish(event);
        Connection bus = nats;
        if (bus == null || bus.getStatus() != Connection.Status.CONNECTED) {
            return;
        }
        byte[] payload = ByteBuffer.allocate(HEADER + event.frame().length)
                .putLong(event.chatId())
                .putLong(event.position())
                .put(event.frame())
                .array();
        for (long userId : event.recipients()) {
            bus.publish(subject(userId), payload);
        }
    }

    @Override
    public void online(long userId) {
        subscribed.put(userId, Boolean.TRUE);
        Dispatcher d = users;
        if (d != null) {
            d.subscribe(subject(userId));
        }
    }

    @Override
    public void offline(long userId) {
        subscribed.remove(userId);
        Dispatcher d = users;
        if (d != null) {
            d.unsubscribe(subject(userId));
        }
    }

    /** A revocation takes effect on every node at once. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(SessionRevoked revoked) {
        Connection bus = nats;
        if (bus != null) {
            bus.publish(
                    properties.subjectPrefix() + ".revoked",
                    (revoked.userId() + ":" + revoked.sessionId()).getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void received(Message message) {
        String subject = message.getSubject();
        long userId = Long.parseLong(subject.substring(subject.lastIndexOf('.') + 1));
        ByteBuffer data = ByteBuffer.wrap(message.getData());
        long chatId = data.getLong();
        long position = data.getLong();
        byte[] frame = Arrays.copyOfRange(message.getData(), HEADER, message.getData().length);
        local.deliver(userId, new ChatEvent(chatId, position, frame, new long[] {userId}, 0));
    }

    private void revoked(Message message) {
        String[] parts = new String(message.getData(), StandardCharsets.US_ASCII).split(":");
        connections.closeSession(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    private String subject(long userId) {
        return properties.subjectPrefix() + ".user." + userId;
    }

    @Override
    public void start() {
        Options options = new Options.Builder()
                .servers(properties.natsUrl().split("\\s*,\\s*"))
                .connectionName("parta")
                .noEcho()
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(500))
                .connectionTimeout(properties.connectTimeout())
                .connectionListener(listener())
                .build();
        try {
            Nats.connectAsynchronously(options, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = true;
    }

    private ConnectionListener listener() {
        return (connection, event) -> {
            switch (event) {
                case CONNECTED -> {
                    nats = connection;
                    Dispatcher d = connection.createDispatcher(this::received);
                    subscribed.keySet().forEach(user -> d.subscribe(subject(user)));
                    users = d;
                    connection.createDispatcher(this::revoked).subscribe(properties.subjectPrefix() + ".revoked");
                    connection
                            .createDispatcher(m -> connections.resyncAll())
                            .subscribe(properties.subjectPrefix() + ".resync");
                    log.info("Cluster bus connected: {}", connection.getConnectedUrl());
                    caughtUp(connection);
                }
                case RECONNECTED -> {
                    log.info("Cluster bus reconnected: catching up every local connection from the database");
                    caughtUp(connection);
                }
                case DISCONNECTED ->
                    log.warn("Cluster bus disconnected; pushes between nodes pause, clients resume from the database");
                default -> {}
            }
        };
    }

    /**
     * After this node (re)joins the bus, its own clients and every other node's clients catch up from the database:
     * pushes this node skipped while it was cut off never reached the others.
     */
    private void caughtUp(Connection connection) {
        connections.resyncAll();
        connection.publish(properties.subjectPrefix() + ".resync", new byte[0]);
    }

    @Override
    public void stop() {
        running = false;
        Connection bus = nats;
        if (bus != null) {
            try {
                bus.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
