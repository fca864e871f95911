package ru.parta.delivery.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import ru.parta.chats.ChatEvent;

/**
 * The binary messages of the cluster bus. On a node's own subject: a delivery (one event and the ids of the node's
 * recipients, then the frame's bytes unchanged) or a request to re-read local connections from the database. On
 * the directory subject: a node's full list of connected users (in parts if it exceeds the server's payload limit),
 * one user online or offline, or the node leaving. Each message starts with its kind and the sending node's id.
 */
final class BusFrames {

    static final byte DELIVERY = 'D';
    static final byte RESYNC = 'R';
    static final byte SNAPSHOT = 'S';
    static final byte ONLINE = '+';
    static final byte OFFLINE = '-';
    static final byte LEAVING = 'X';

    /** What one delivery message carries. */
    record Delivery(long chatId, long position, long[] recipients, byte[] frame) {

        ChatEvent event() {
            return new ChatEvent(chatId, position, frame, recipients, 0);
        }
    }

    /** A directory message: {@code users} is a snapshot part's users or the one user of a change. */
    record Announcement(byte kind, String node, boolean wantsReplies, int part, int parts, long[] users) {}

    private BusFrames() {}

    /** Room a delivery needs besides its recipients' ids (8 bytes each) and frame. */
    static final int DELIVERY_OVERHEAD = 1 + 8 + 8 + 4;

    static byte[] delivery(ChatEvent event, long[] recipients) {
        return ByteBuffer.allocate(DELIVERY_OVERHEAD + recipients.length * 8 + event.frame().length)
                .put(DELIVERY)
                .putLong(event.chatId())
                .putLong(event.position())
                .putInt(recipients.length)
                .put(longs(recipients))
                .put(event.frame())
                .array();
    }

    static Delivery readDelivery(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        in.get();
        long chatId = in.getLong();
        long position = in.getLong();
        long[] recipients = new long[in.getInt()];
        in.asLongBuffer().get(recipients);
        int frameStart = DELIVERY_OVERHEAD + recipients.length * 8;
        return new Delivery(chatId, position, recipients, Arrays.copyOfRange(data, frameStart, data.length));
    }

    /** A request to re-read the connections of the given users from the database; all local users if none given. */
    static byte[] resync(long[] users) {
        return ByteBuffer.allocate(1 + users.length * 8)
                .put(RESYNC)
                .put(longs(users))
                .array();
    }

    static long[] readResync(byte[] data) {
        long[] users = new long[(data.length - 1) / 8];
        ByteBuffer.wrap(data, 1, data.length - 1).asLongBuffer().get(users);
        return users;
    }

    /** Room a snapshot part needs besides its users' ids. */
    static int snapshotOverhead(String node) {
        return header(node) + 1 + 4 + 4 + 4;
    }

    static byte[] snapshot(String node, boolean wantsReplies, int part, int parts, long[] users) {
        return start(SNAPSHOT, node, snapshotOverhead(node) + users.length * 8)
                .put((byte) (wantsReplies ? 1 : 0))
                .putInt(part)
                .putInt(parts)
                .putInt(users.length)
                .put(longs(users))
                .array();
    }

    static byte[] change(byte kind, String node, long user) {
        return start(kind, node, header(node) + 8).putLong(user).array();
    }

    static byte[] leaving(String node) {
        return start(LEAVING, node, header(node)).array();
    }

    static Announcement readAnnouncement(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        byte kind = in.get();
        byte[] name = new byte[in.get()];
        in.get(name);
        String node = new String(name, StandardCharsets.US_ASCII);
        return switch (kind) {
            case SNAPSHOT -> {
                boolean wants = in.get() == 1;
                int part = in.getInt();
                int parts = in.getInt();
                long[] users = new long[in.getInt()];
                in.asLongBuffer().get(users);
                yield new Announcement(kind, node, wants, part, parts, users);
            }
            case ONLINE, OFFLINE -> new Announcement(kind, node, false, 0, 1, new long[] {in.getLong()});
            default -> new Announcement(kind, node, false, 0, 1, new long[0]);
        };
    }

    private static int header(String node) {
        return 1 + 1 + node.length();
    }

    private static ByteBuffer start(byte kind, String node, int size) {
        return ByteBuffer.allocate(size)
                .put(kind)
                .put((byte) node.length())
                .put(node.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] longs(long[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 8);
        bytes.asLongBuffer().put(values);
        return bytes.array();
    }
}
