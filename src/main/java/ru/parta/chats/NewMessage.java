package ru.parta.chats;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A send that passed every check (membership, posting rights, reply target, policies) and only waits to be written.
 * The checks are reads made before the writing transaction; the writer re-checks membership after it holds the chat
 * row's lock, so a sender removed in between is refused, not stored.
 */
record NewMessage(
        long senderId,
        long chatId,
        String clientId,
        String body,
        Long replyTo,
        List<Long> mentions,
        SendPolicy.Attempt attempt,
        SendPolicy.Verdict verdict) {

    boolean quiet() {
        return verdict.quiet();
    }

    /** The message as stored with the id, position and time the writer gave it (no attachments yet). */
    MessageView stored(long id, long position, Instant createdAt) {
        return new MessageView(
                id,
                chatId,
                position,
                senderId,
                clientId,
                body,
                replyTo,
                List.copyOf(mentions),
                false,
                false,
                createdAt,
                null,
                Map.of(),
                quiet());
    }
}
