package ru.parta.delivery.cluster;

import io.nats.client.Connection;
import io.nats.client.Message;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's side of the cluster directory on {@code <prefix>.directory}: it announces which users are connected
 * here (a change per first/last connection; its full list when it joins, when asked and every interval) and keeps
 * what the other nodes announce in a {@link NodeDirectory}.
 *
 * <p>Guarantees: this node's announcements reach every node in the order made (NATS keeps one publisher's order), and
 * a full list is taken and sent under the same lock as the changes, so a list never overtakes a change. When a full
 * list tells this node of a node or users it did not know (a new node, one it had expired, a change lost or made
 * while the bus was down) after it has published events since it joined the bus, it asks that node to re-read those
 * users' connections from the database, so events it published before it knew them are caught up.
 * Hazard: changes made while the bus is down are not announced; the full list sent on reconnect replaces them.
 */
final class BusDirectory {

    private static final Logger log = LoggerFactory.getLogger(BusDirectory.class);

    private final String nodeId;
    private final String prefix;
    private final Duration interval;
    private final Set<Long> localUsers = ConcurrentHashMap.newKeySet();
    private final NodeDirectory others = new NodeDirectory();
    private final Object announcing = new Object();
    private volatile long joinedAtNanos = System.nanoTime();
    private volatile long publishedAtNanos = joinedAtNanos;

    BusDirectory(String nodeId, String prefix, Duration interval) {
        this.nodeId = nodeId;
        this.prefix = prefix;
        this.interval = interval;
    }

    String nodeId() {
        return nodeId;
    }

    String subject() {
        return prefix + ".directory";
    }

    String nodeSubject(String node) {
        return prefix + ".node." + node;
    }

    /** A user's first connection here opened; {@code bus} is null while the bus is down. */
    void online(Connection bus, long userId) {
        synchronized (announcing) {
            localUsers.add(userId);
            if (bus != null) {
                bus.publish(subject(), BusFrames.change(BusFrames.ONLINE, nodeId, userId));
            }
        }
    }

    /** A user's last connection here closed. */
    void offline(Connection bus, long userId) {
        synchronized (announcing) {
            localUsers.remove(userId);
            if (bus != null) {
                bus.publish(subject(), BusFrames.change(BusFrames.OFFLINE, nodeId, userId));
            }
        }
    }

    /** This node (re)joined the bus: it announces its users and asks the others for theirs. */
    void joined(Connection bus) {
        joinedAtNanos = System.nanoTime();
        publishedAtNanos = joinedAtNanos;
        announceAll(bus, true);
    }

    /** This node published a durable event on the bus. */
    void published() {
        publishedAtNanos = System.nanoTime();
    }

    /** The recipients connected to each other node. */
    Map<String, long[]> group(long[] recipients) {
        return others.group(recipients);
    }

    Set<String> nodes() {
        return others.nodes();
    }

    /** Every interval: the full list again (heals a lost change), and nodes silent for three intervals forgotten. */
    void heartbeat(Connection bus) {
        announceAll(bus, false);
        others.expire(System.nanoTime(), interval.multipliedBy(3).toNanos())
                .forEach(node -> log.info("Cluster node {} fell silent and is forgotten", node));
    }

    /** The node is stopping: the others forget it at once. */
    void leave(Connection bus) {
        bus.publish(subject(), BusFrames.leaving(nodeId));
    }

    void received(Connection bus, Message message) {
        var a = BusFrames.readAnnouncement(message.getData());
        if (a.node().equals(nodeId)) {
            return;
        }
        long now = System.nanoTime();
        switch (a.kind()) {
            case BusFrames.SNAPSHOT -> {
                var learned = others.snapshot(a.node(), a.part(), a.parts(), a.users(), now);
                if (a.part() < a.parts() - 1) {
                    return;
                }
                if (a.wantsReplies()) {
                    announceAll(bus, false);
                }
                if (learned.newNode()) {
                    log.info("Cluster node {} is known now", a.node());
                }
                // events published here before these users were known may not have reached them: the node re-reads
                if (publishedAtNanos - joinedAtNanos > 0 && (learned.newNode() || learned.added().length > 0)) {
                    long[] which = learned.newNode() ? new long[0] : learned.added();
                    bus.publish(nodeSubject(a.node()), BusFrames.resync(which));
                }
            }
            case BusFrames.ONLINE -> others.online(a.node(), a.users()[0], now);
            case BusFrames.OFFLINE -> others.offline(a.node(), a.users()[0], now);
            case BusFrames.LEAVING -> others.forget(a.node());
            default -> {}
        }
    }

    /** This node's full list of users, in parts within the server's payload limit. */
    private void announceAll(Connection bus, boolean wantsReplies) {
        synchronized (announcing) {
            long[] users = localUsers.stream().mapToLong(Long::longValue).toArray();
            int perPart = (int) Math.max(1, (bus.getMaxPayload() - BusFrames.snapshotOverhead(nodeId)) / 8);
            int parts = Math.max(1, (users.length + perPart - 1) / perPart);
            for (int part = 0; part < parts; part++) {
                long[] slice = Arrays.copyOfRange(users, part * perPart, Math.min(users.length, (part + 1) * perPart));
                bus.publish(subject(), BusFrames.snapshot(nodeId, wantsReplies, part, parts, slice));
            }
        }
    }
}
