package ru.parta.delivery.cluster;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.parta.accounts.SessionRevoked;
import ru.parta.chats.ChatEvent;
import ru.parta.chats.FanOut;
import ru.parta.delivery.Connections;
import ru.parta.delivery.LocalFanOut;
import ru.parta.delivery.Presence;

/**
 * Cluster fan-out over NATS: one message per receiving node, not per recipient. Each node subscribes to its own
 * subject {@code <prefix>.node.<id>} and announces on {@code <prefix>.directory} which users are connected to it (a
 * change per first/last connection, its full list when it joins, on request and every {@code directory-interval}).
 * Every node keeps the others' lists in memory ({@link NodeDirectory}). A committed event goes to local connections
 * directly and, per other node holding recipients, as one message with those recipients' ids and the frame; the
 * receiving node hands it to its local connections. A 3,000-member channel spread over two other nodes costs two
 * publishes.
 *
 * <p>The bus accelerates, the database decides: a node that misses bus traffic, or a directory a moment behind, costs
 * a late push (the next event of the chat reveals the gap; a reconnect resumes from positions), never an event. When
 * the connection to NATS comes back, every local connection re-reads its chats and every other node's do too. When a
 * node learns from a full list of a node or users it did not know, after publishing events they may have missed, it
 * asks that node to re-read those users' connections, so events it published before it knew them are caught up.
 * A user's own connection announces itself at the handshake, a client round trip before its hello reads the database.
 * A node killed without leaving is forgotten after three silent intervals; until then its share is published to no
 * one. jnats reconnects by itself, forever, and restores subscriptions.
 *
 * <p>The directory heartbeat is {@code @Scheduled} and node-local by design: every node announces its own users.
 */
@Component
@Primary
@ConditionalOnBooleanProperty("parta.cluster.enabled")
class NatsFanOut implements FanOut, Presence, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NatsFanOut.class);

    private final ClusterProperties properties;
    private final LocalFanOut local;
    private final Connections connections;
    private final BusDirectory directory;

    private volatile Connection nats;
    private volatile boolean running;

    NatsFanOut(ClusterProperties properties, LocalFanOut local, Connections connections) {
        this.properties = properties;
        this.local = local;
        this.connections = connections;
        this.directory = new BusDirectory(
                UUID.randomUUID().toString().replace("-", ""),
                properties.subjectPrefix(),
                properties.directoryInterval());
    }

    @Override
    public void publish(ChatEvent event) {
        local.publish(event);
        Connection bus = connected();
        if (bus == null) {
            return;
        }
        if (event.durable()) {
            directory.published();
        }
        directory.group(event.recipients()).forEach((node, ids) -> send(bus, node, event, ids));
    }

    /** One message for the node's recipients; split only if it would exceed the server's payload limit. */
    private void send(Connection bus, String node, ChatEvent event, long[] ids) {
        long room = bus.getMaxPayload() - BusFrames.DELIVERY_OVERHEAD - event.frame().length;
        int perMessage = (int) Math.min(Integer.MAX_VALUE / 16, room / 8);
        if (perMessage < 1) {
            log.warn(
                    "Event of chat {} too large for the bus; its recipients catch up from the database",
                    event.chatId());
            return;
        }
        for (int from = 0; from < ids.length; from += perMessage) {
            long[] part = from == 0 && ids.length <= perMessage
                    ? ids
                    : Arrays.copyOfRange(ids, from, Math.min(ids.length, from + perMessage));
            bus.publish(directory.nodeSubject(node), BusFrames.delivery(event, part));
        }
    }

    @Override
    public void online(long userId) {
        directory.online(connected(), userId);
    }

    @Override
    public void offline(long userId) {
        directory.offline(connected(), userId);
    }

    /** Every interval this node announces its users again and forgets the nodes that fell silent. */
    @Scheduled(
            fixedRateString = "${parta.cluster.directory-interval:10s}",
            initialDelayString = "${parta.cluster.directory-interval:10s}")
    void heartbeat() {
        Connection bus = connected();
        if (bus != null) {
            directory.heartbeat(bus);
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
        byte[] data = message.getData();
        if (data.length == 0) {
            return;
        }
        if (data[0] == BusFrames.RESYNC) {
            long[] users = BusFrames.readResync(data);
            if (users.length == 0) {
                connections.resyncAll();
            } else {
                for (long user : users) {
                    connections.resync(user);
                }
            }
            return;
        }
        local.publish(BusFrames.readDelivery(data).event()); // the event's recipients are this node's
    }

    private void revoked(Message message) {
        String[] parts = new String(message.getData(), StandardCharsets.US_ASCII).split(":");
        connections.closeSession(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    private Connection connected() {
        Connection bus = nats;
        return bus != null && bus.getStatus() == Connection.Status.CONNECTED ? bus : null;
    }

    /** This node's id on the bus (random per start). */
    String nodeId() {
        return directory.nodeId();
    }

    /** Where this node would send the given recipients' events: per other node, the ids it holds. */
    java.util.Map<String, long[]> routes(long[] recipients) {
        return directory.group(recipients);
    }

    /** The other nodes this node knows of. */
    Set<String> knownNodes() {
        return directory.nodes();
    }

    @Override
    public void start() {
        Options options = new Options.Builder()
                .servers(properties.natsUrl().split("\\s*,\\s*"))
                .connectionName("parta-" + directory.nodeId())
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
                    connection.createDispatcher(this::received).subscribe(directory.nodeSubject(directory.nodeId()));
                    connection
                            .createDispatcher(m -> directory.received(connection, m))
                            .subscribe(directory.subject());
                    connection.createDispatcher(this::revoked).subscribe(properties.subjectPrefix() + ".revoked");
                    connection
                            .createDispatcher(m -> connections.resyncAll())
                            .subscribe(properties.subjectPrefix() + ".resync");
                    nats = connection;
                    log.info("Cluster bus connected as node {}: {}", directory.nodeId(), connection.getConnectedUrl());
                    joined(connection);
                }
                case RECONNECTED -> {
                    log.info("Cluster bus reconnected: catching up every local connection from the database");
                    joined(connection);
                }
                case DISCONNECTED ->
                    log.warn("Cluster bus disconnected; pushes between nodes pause, clients resume from the database");
                default -> {}
            }
        };
    }

    /**
     * After this node (re)joins the bus: it tells the others its users and asks for theirs, and its own clients and
     * every other node's catch up from the database (pushes this node skipped while cut off never reached the others).
     */
    private void joined(Connection connection) {
        directory.joined(connection);
        connections.resyncAll();
        connection.publish(properties.subjectPrefix() + ".resync", new byte[0]);
    }

    @Override
    public void stop() {
        running = false;
        Connection bus = nats;
        if (bus != null) {
            try {
                if (bus.getStatus() == Connection.Status.CONNECTED) {
                    directory.leave(bus);
                    bus.flush(Duration.ofSeconds(1));
                }
            } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
                // the others forget this node when its heartbeats stop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
