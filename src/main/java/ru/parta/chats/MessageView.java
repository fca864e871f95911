package ru.parta.chats;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message as clients see it, in history, search and events. A deleted message keeps its place as a tombstone:
 * {@code deleted} is true and its text, mentions, reactions and attachments are gone. {@code quiet} is true for a message
 * sent into a chat with pupils during the school's quiet hours: clients show it without alerting.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageView(
        long id,
        long chatId,
        long position,
        long senderId,
        String clientId,
        String text,
        Long replyTo,
        List<Long> mentions,
        boolean pinned,
        boolean deleted,
        Instant createdAt,
        Instant editedAt,
        Map<String, List<Long>> reactions,
        List<AttachmentView> attachments,
        boolean quiet) {

    /** A message without attachments (they are added by {@link #withAttachments}). */
    public MessageView(
            long id,
            long chatId,
            long position,
            long senderId,
            String clientId,
            String text,
            Long replyTo,
            List<Long> mentions,
            boolean pinned,
            boolean deleted,
            Instant createdAt,
            Instant editedAt,
            Map<String, List<Long>> reactions,
            boolean quiet) {
        this(
                id, chatId, position, senderId, clientId, text, replyTo, mentions, pinned, deleted, createdAt, editedAt,
                reactions, List.of(), quiet);
    }

    public MessageView withAttachments(List<AttachmentView> files) {
        return new MessageView(
                id,
                chatId,
                position,
                senderId,
                clientId,
                text,
                replyTo,
                mentions,
                pinned,
                deleted,
                createdAt,
                editedAt,
                reactions,
                List.copyOf(files),
                quiet);
    }
}
