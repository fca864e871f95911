package ru.parta.chats;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.parta.shared.ApiException;

/**
 * Sending and changing messages. Each change is written in one transaction with its chat event; a refused change
 * writes nothing. New messages are checked first (reads, outside any transaction) and then handed to the
 * {@link MessageWriter}, which may write several senders' messages in one transaction (group commit).
 *
 * <p>Idempotency: a send carries the client's own id. The first send with a given {@code (sender, clientId)} creates the
 * message; every later one, however late and however concurrent, returns that same message ({@link Sent#created()}
 * false). Two concurrent first sends serialise on the chat row lock; the loser's insert finds the winner's row, its
 * transaction rolls back (returning its position), and it answers with the winner's message.
 */
@Service
public class MessageService {

    public static final int MAX_TEXT_CODE_POINTS = 4000;
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> REACTIONS = Set.of("👍", "❤️", "😂", "😮", "😢", "🙏", "👏", "🔥", "✅", "👎");

    private final Messages messages;
    private final Members members;
    private final Chats chats;
    private final Senders senders;
    private final ChatService chatService;
    private final ChatEventLog log;
    private final TransactionTemplate tx;
    private final ChatMetrics metrics;
    private final org.springframework.beans.factory.ObjectProvider<MessageAttachments> attachments;
    private final SendPolicies policies;
    private final MessageWriter writer;
    private final org.springframework.context.ApplicationEventPublisher events;

    MessageService(
            Messages messages,
            Members members,
            Chats chats,
            Senders senders,
            ChatService chatService,
            ChatEventLog log,
            TransactionTemplate tx,
            ChatMetrics metrics,
            org.springframework.beans.factory.ObjectProvider<MessageAttachments> attachments,
            SendPolicies policies,
            MessageWriter writer,
            org.springframework.context.ApplicationEventPublisher events) {
        this.policies = policies;
        this.writer = writer;
        this.events = events;
        this.messages = messages;
        this.members = members;
        this.chats = chats;
        this.senders = senders;
        this.chatService = chatService;
        this.log = log;
        this.tx = tx;
        this.metrics = metrics;
        this.attachments = attachments;
    }

    private MessageAttachments files() {
        return attachments.getIfAvailable(() -> MessageAttachments.NONE);
    }

    /** The outcome of a send: the message, and whether this call created it or found an earlier one. */
    public record Sent(MessageView message, boolean created) {}

    public Sent send(long senderId, long chatId, String clientId, String text, Long replyTo, List<Long> mentions) {
        return send(senderId, chatId, clientId, text, replyTo, mentions, List.of(), false);
    }

    /**
     * A send that may carry finished uploads as attachments (then the text may be empty); {@code urgent} asks to
     * bypass quiet hours (see {@link SendPolicy}).
     */
    public Sent send(
            long senderId,
            long chatId,
            String clientId,
            String text,
            Long replyTo,
            List<Long> mentions,
            List<Long> attachmentIds,
            boolean urgent) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw ApiException.badRequest("INVALID_CLIENT_ID");
        }
        List<Long> files = attachmentIds == null
                ? List.of()
                : attachmentIds.stream().distinct().toList();
        String body = !files.isEmpty() && (text == null || text.isBlank()) ? "" : checkText(text);
        Optional<Senders.Sender> sender = senders.of(chatId, senderId);
        if (sender.isEmpty()) {
            // a retry from a sender who has left the chat since gets the original; anything else is refused
            return replay(messages.bySenderAndClientId(senderId, clientId).orElseThrow(ChatService::notFound), chatId);
        }
        NewMessage message;
        try {
            message = checked(sender.get(), senderId, chatId, clientId, body, replyTo, mentions, urgent);
        } catch (ApiException refused) {
            // a retry of a message accepted earlier gets the original, even where a policy would refuse it now
            var earlier = messages.bySenderAndClientId(senderId, clientId);
            if (earlier.isPresent()) {
                return replay(earlier.get(), chatId);
            }
            throw refused;
        }
        try {
            MessageView created = files.isEmpty()
                    ? writer.write(message)
                    : writer.writeAlone(
                            message, m -> m.withAttachments(files().attach(m.id(), chatId, senderId, files)));
            metrics.accepted();
            return new Sent(created, true);
        } catch (DuplicateSend e) {
            policies.abandoned(message.attempt());
            return replay(messages.bySenderAndClientId(senderId, clientId).orElseThrow(), chatId);
        } catch (RuntimeException e) {
            policies.abandoned(message.attempt());
            throw e;
        }
    }

    /**
     * Everything a new message must pass before it is written: membership, posting rights, the reply target and the
     * {@link SendPolicy send policies}. These are reads (and flood counters), made outside the writing transaction so
     * that writes can be grouped; the writer checks membership again under the chat's lock. A retry passes them like
     * a first send: the writer finds the client id taken and the caller answers with the original message.
     */
    private NewMessage checked(
            Senders.Sender chat,
            long senderId,
            long chatId,
            String clientId,
            String body,
            Long replyTo,
            List<Long> mentions,
            boolean urgent) {
        if (!chat.role().canPost(chat.kind())) {
            throw ApiException.forbidden("POSTING_NOT_ALLOWED");
        }
        if (replyTo != null && messages.find(chatId, replyTo).isEmpty()) {
            throw ApiException.badRequest("REPLY_TARGET_NOT_FOUND");
        }
        var attempt = new SendPolicy.Attempt(
                senderId, chatId, chat.kind(), chat.role().manages(), chat.generated(), body, urgent, false);
        SendPolicy.Verdict verdict = policies.consult(attempt);
        List<Long> mentioned = mentions == null || mentions.isEmpty()
                ? List.of()
                : members.memberIdsAmong(
                        chatId, mentions.stream().distinct().limit(100).toList());
        return new NewMessage(senderId, chatId, clientId, body, replyTo, mentioned, attempt, verdict);
    }

    private static Sent replay(MessageView earlier, long chatId) {
        if (earlier.chatId() != chatId) {
            throw ApiException.conflict("CLIENT_ID_REUSED");
        }
        return new Sent(earlier, false);
    }

    /** Changes the text; it may become empty only for a message with attachments (which still carries them). */
    public MessageView edit(long userId, long chatId, long messageId, String text, List<Long> mentions) {
        boolean blank = text == null || text.isBlank();
        String checked = blank ? "" : checkText(text);
        return tx.execute(s -> {
            MessageView m = existing(userId, chatId, messageId);
            if (m.senderId() != userId) {
                throw ApiException.forbidden("NOT_MESSAGE_AUTHOR");
            }
            String body = blank && m.attachments().isEmpty() ? checkText(text) : checked;
            MemberRole role = members.role(chatId, userId).orElseThrow(ChatService::notFound);
            var attempt = new SendPolicy.Attempt(
                    userId,
                    chatId,
                    chats.kind(chatId).orElseThrow(),
                    role.manages(),
                    chats.generated(chatId),
                    body,
                    false,
                    true);
            SendPolicy.Verdict verdict = policies.consult(attempt);
            List<Long> mentioned = mentions == null
                    ? m.mentions()
                    : members.memberIdsAmong(
                            chatId, mentions.stream().distinct().limit(100).toList());
            long position = log.nextPosition(chatId);
            messages.edit(messageId, body, mentioned);
            MessageView edited = changed(chatId, messageId, position, "message.edited", Map.of());
            policies.stored(attempt, edited, verdict);
            return edited;
        });
    }

    public MessageView delete(long userId, long chatId, long messageId) {
        return tx.execute(s -> {
            MessageView m = existing(userId, chatId, messageId);
            MemberRole role = members.role(chatId, userId).orElseThrow(ChatService::notFound);
            if (m.senderId() != userId && !role.manages()) {
                throw ApiException.forbidden("DELETE_NOT_ALLOWED");
            }
            long position = log.nextPosition(chatId);
            messages.delete(messageId);
            files().released(messageId);
            // earlier events of the message (its send, edits, reactions) no longer carry its text or files on replay
            log.redact(
                    chatId,
                    messageId,
                    m.position(),
                    messages.find(chatId, messageId).orElseThrow());
            if (m.senderId() != userId) {
                events.publishEvent(new ru.parta.shared.AdminAction(
                        userId,
                        null,
                        "message.deleted-by-moderator",
                        Map.of("chatId", chatId, "messageId", messageId, "senderId", m.senderId())));
            }
            return changed(chatId, messageId, position, "message.deleted", Map.of("by", userId));
        });
    }

    public MessageView pin(long userId, long chatId, long messageId, boolean pinned) {
        return tx.execute(s -> {
            MessageView m = existing(userId, chatId, messageId);
            MemberRole role = members.role(chatId, userId).orElseThrow(ChatService::notFound);
            if (!role.manages() && chats.kind(chatId).orElseThrow() != ChatKind.DIRECT) {
                throw ApiException.forbidden("NOT_CHAT_ADMIN");
            }
            if (m.pinned() == pinned) {
                return m;
            }
            long position = log.nextPosition(chatId);
            messages.pin(messageId, pinned);
            return changed(
                    chatId, messageId, position, pinned ? "message.pinned" : "message.unpinned", Map.of("by", userId));
        });
    }

    public MessageView react(long userId, long chatId, long messageId, String emoji, boolean add) {
        if (emoji == null || !REACTIONS.contains(emoji)) {
            throw ApiException.badRequest("UNKNOWN_REACTION");
        }
        return tx.execute(s -> {
            existing(userId, chatId, messageId);
            long position = log.nextPosition(chatId);
            boolean changed = add
                    ? messages.addReaction(messageId, userId, emoji)
                    : messages.removeReaction(messageId, userId, emoji);
            if (!changed) {
                s.setRollbackOnly();
                return messages.find(chatId, messageId).orElseThrow();
            }
            return changed(
                    chatId,
                    messageId,
                    position,
                    add ? "reaction.added" : "reaction.removed",
                    Map.of("userId", userId, "emoji", emoji));
        });
    }

    public List<MessageView> history(long userId, long chatId, Long before, Long after, int limit) {
        chatService.kindFor(chatId, userId);
        int size = Math.clamp(limit, 1, 200);
        if (after != null) {
            return messages.after(chatId, after, size);
        }
        return messages.before(chatId, before == null ? Long.MAX_VALUE : before, size);
    }

    public List<MessageView> pinned(long userId, long chatId) {
        chatService.kindFor(chatId, userId);
        return messages.pinned(chatId);
    }

    public List<MessageView> search(long userId, Long chatId, String query, int limit) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty() || q.length() > 200) {
            throw ApiException.badRequest("INVALID_QUERY");
        }
        if (chatId != null) {
            chatService.kindFor(chatId, userId);
        }
        return messages.search(userId, chatId, q, Math.clamp(limit, 1, 100));
    }

    /** One message of a chat the caller is a member of. */
    public MessageView message(long userId, long chatId, long messageId) {
        chatService.kindFor(chatId, userId);
        return messages.find(chatId, messageId).orElseThrow(() -> ApiException.notFound("MESSAGE_NOT_FOUND"));
    }

    private MessageView existing(long userId, long chatId, long messageId) {
        chatService.kindFor(chatId, userId);
        MessageView m = messages.find(chatId, messageId).orElseThrow(() -> ApiException.notFound("MESSAGE_NOT_FOUND"));
        if (m.deleted()) {
            throw ApiException.conflict("MESSAGE_DELETED");
        }
        return m;
    }

    private MessageView changed(long chatId, long messageId, long position, String type, Map<String, Object> extra) {
        MessageView message = messages.find(chatId, messageId).orElseThrow();
        var data = new java.util.LinkedHashMap<String, Object>(extra);
        data.put("message", message);
        log.append(chatId, position, type, data, members.userIds(chatId));
        return message;
    }

    static String checkText(String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw ApiException.badRequest("MESSAGE_EMPTY");
        }
        if (body.codePointCount(0, body.length()) > MAX_TEXT_CODE_POINTS) {
            throw ApiException.badRequest("MESSAGE_TOO_LONG", MAX_TEXT_CODE_POINTS);
        }
        if (body.chars().anyMatch(c -> c == 0)) {
            throw ApiException.badRequest("MESSAGE_INVALID_CHARACTERS");
        }
        return body;
    }

    /** The insert met an earlier message with the same client id; rolls the transaction back. */
    static final class DuplicateSend extends RuntimeException {
        DuplicateSend() {
            super(null, null, false, false);
        }
    }
}
