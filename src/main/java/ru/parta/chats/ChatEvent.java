package ru.parta.chats;

/**
 * One change of a chat as it goes out to clients.
 *
 * @param chatId the chat
 * @param position the event's position in the chat (strictly increasing, gap-free); 0 for ephemeral events
 * @param frame the exact UTF-8 JSON frame clients receive; shared by all recipients, never modify it
 * @param recipients the users who receive it: the chat's members at the event (plus a removed member, once)
 * @param acceptedAtNanos {@link System#nanoTime()} when the server accepted the change, for latency metrics
 */
public record ChatEvent(long chatId, long position, byte[] frame, long[] recipients, long acceptedAtNanos) {

    public boolean durable() {
        return position > 0;
    }
}
