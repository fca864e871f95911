package ru.parta.delivery.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which other nodes of the cluster hold stream connections of which users, as those nodes announced on the bus: a
 * full snapshot (possibly in parts) replaces a node's users, a change adds or removes one user. A node is known only
 * once a full snapshot of it has arrived (changes of an unknown node are ignored: its snapshot, which reflects them,
 * follows); it is forgotten when it says it leaves or when it has been silent too long (killed).
 *
 * <p>Guarantees: {@link #group} is lock-free and sees each user's nodes as of some moment. Hazards: the directory is
 * as stale as the bus is slow, and a killed node's users stay until it expires; pushes are only an accelerator (the
 * database decides), so staleness costs a late push or a wasted one, never a lost event.
 */
final class NodeDirectory {

    private final Map<String, Set<Long>> usersByNode = new HashMap<>(); // guarded by this
    private final Map<String, Long> heardAt = new HashMap<>(); // guarded by this
    private final Map<String, List<long[]>> partial = new HashMap<>(); // guarded by this
    private final Map<Long, String[]> nodesByUser = new ConcurrentHashMap<>();

    /** What a completed snapshot changed: whether the node was unknown, and the users it had not been known to hold. */
    record Learned(boolean newNode, long[] added) {

        static final Learned NOTHING = new Learned(false, new long[0]);
    }

    /** Applies one part of a node's snapshot; the last part replaces what was known of the node. */
    synchronized Learned snapshot(String node, int part, int parts, long[] users, long nowNanos) {
        if (part == 0) {
            partial.put(node, new ArrayList<>());
        }
        List<long[]> pieces = partial.get(node);
        if (pieces == null) {
            return Learned.NOTHING; // a part whose beginning we missed; the next snapshot is whole
        }
        pieces.add(users);
        if (part < parts - 1) {
            return Learned.NOTHING;
        }
        partial.remove(node);
        Set<Long> next = new HashSet<>();
        pieces.forEach(p -> Arrays.stream(p).forEach(next::add));
        Set<Long> before = usersByNode.put(node, next);
        heardAt.put(node, nowNanos);
        if (before != null) {
            before.stream().filter(u -> !next.contains(u)).forEach(u -> unlink(u, node));
        }
        long[] added = next.stream()
                .filter(u -> before == null || !before.contains(u))
                .mapToLong(Long::longValue)
                .toArray();
        for (long u : added) {
            link(u, node);
        }
        return new Learned(before == null, added);
    }

    /** A user's first connection opened on a known node. */
    synchronized void online(String node, long user, long nowNanos) {
        Set<Long> users = usersByNode.get(node);
        if (users != null && users.add(user)) {
            link(user, node);
        }
        heard(node, nowNanos);
    }

    /** A user's last connection closed on a known node. */
    synchronized void offline(String node, long user, long nowNanos) {
        Set<Long> users = usersByNode.get(node);
        if (users != null && users.remove(user)) {
            unlink(user, node);
        }
        heard(node, nowNanos);
    }

    private void heard(String node, long nowNanos) {
        if (usersByNode.containsKey(node)) {
            heardAt.put(node, nowNanos);
        }
    }

    /** Forgets a node that left. */
    synchronized void forget(String node) {
        partial.remove(node);
        heardAt.remove(node);
        Set<Long> users = usersByNode.remove(node);
        if (users != null) {
            users.forEach(u -> unlink(u, node));
        }
    }

    /** Forgets the nodes silent for longer than {@code maxSilenceNanos}; returns them. */
    synchronized List<String> expire(long nowNanos, long maxSilenceNanos) {
        List<String> silent = heardAt.entrySet().stream()
                .filter(e -> nowNanos - e.getValue() > maxSilenceNanos)
                .map(Map.Entry::getKey)
                .toList();
        silent.forEach(this::forget);
        return silent;
    }

    /** The recipients held by each known node (a user connected to several nodes is listed for each). */
    Map<String, long[]> group(long[] recipients) {
        Map<String, Ids> byNode = new HashMap<>();
        for (long user : recipients) {
            String[] nodes = nodesByUser.get(user);
            if (nodes != null) {
                for (String node : nodes) {
                    byNode.computeIfAbsent(node, n -> new Ids()).add(user);
                }
            }
        }
        Map<String, long[]> grouped = new HashMap<>();
        byNode.forEach((node, ids) -> grouped.put(node, ids.toArray()));
        return grouped;
    }

    synchronized Set<String> nodes() {
        return Set.copyOf(usersByNode.keySet());
    }

    private void link(long user, String node) {
        nodesByUser.compute(user, (u, nodes) -> {
            if (nodes == null) {
                return new String[] {node};
            }
            String[] more = Arrays.copyOf(nodes, nodes.length + 1);
            more[nodes.length] = node;
            return more;
        });
    }

    private void unlink(long user, String node) {
        nodesByUser.computeIfPresent(user, (u, nodes) -> {
            String[] fewer = Arrays.stream(nodes).filter(n -> !n.equals(node)).toArray(String[]::new);
            return fewer.length == 0 ? null : fewer;
        });
    }

    /** A growable list of user ids. */
    private static final class Ids {
        private long[] ids = new long[8];
        private int size;

        void add(long id) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }

        long[] toArray() {
            return Arrays.copyOf(ids, size);
        }
    }
}
