package ru.parta.chats;

import java.time.Instant;

/** A chat as one member sees it in the chat list; {@code generatedKind} is set for chats built from the roster. */
public record ChatView(
        long id,
        ChatKind kind,
        String title,
        MemberRole role,
        long lastPosition,
        long readPosition,
        long unread,
        Instant lastActivityAt,
        MessagePreview lastMessage,
        String generatedKind) {

    /** The last message in a chat list row; null text for a deleted message. */
    public record MessagePreview(long id, long senderId, String senderName, String text, Instant createdAt) {}
}
