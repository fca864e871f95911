package ru.parta.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.parta.chats.MessageService;
import ru.parta.shared.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * Sends over an open stream: {@code {"type":"send","chatId","clientId","text",…}} is the same operation as
 * {@code POST /api/v1/chats/{id}/messages} — the same checks, policies, idempotency on {@code (sender, clientId)} and
 * transaction — without an HTTP request per message. The answer is {@code sent} (with the message's id and position)
 * or {@code error}, both carrying the {@code clientId}; the message itself arrives like every other as
 * {@code message.new}, in position order, whichever of the two frames comes first.
 *
 * <p>Hazards handled here: the database work runs on a virtual thread, never on the event loop; a connection may have
 * at most {@code parta.stream.max-pending-sends} sends unanswered (more are refused at once with
 * {@code TOO_MANY_PENDING_SENDS}), so a client cannot queue unbounded work on the server. The sender is the
 * connection's signed-in user; a revoked session's streams are closed, so they send nothing more.
 */
final class StreamSends {

    private static final Logger log = LoggerFactory.getLogger(StreamSends.class);

    private final StreamContext ctx;
    private final StreamConnection connection;
    private int pending;

    StreamSends(StreamContext ctx, StreamConnection connection) {
        this.ctx = ctx;
        this.connection = connection;
    }

    /** Handles one {@code send} frame; runs on the event loop. */
    void send(JsonNode frame) {
        String clientId =
                frame.path("clientId").isString() ? frame.path("clientId").asString() : null;
        JsonNode chat = frame.path("chatId");
        if (!chat.isIntegralNumber() || !chat.canConvertToLong()) {
            error(clientId, 400, "INVALID_CHAT_ID");
            return;
        }
        JsonNode text = frame.path("text");
        if (!text.isMissingNode() && !text.isNull() && !text.isString()) {
            error(clientId, 400, "INVALID_SEND_FRAME");
            return;
        }
        List<Long> mentions = ids(frame.path("mentions"), 100);
        List<Long> attachments = ids(frame.path("attachments"), 10);
        JsonNode replyTo = frame.path("replyTo");
        if (mentions == null
                || attachments == null
                || !(replyTo.isMissingNode() || replyTo.isNull() || replyTo.canConvertToLong())) {
            error(clientId, 400, "INVALID_SEND_FRAME");
            return;
        }
        if (pending >= ctx.properties().maxPendingSends()) {
            error(clientId, 429, "TOO_MANY_PENDING_SENDS", ctx.properties().maxPendingSends());
            return;
        }
        pending++;
        long chatId = chat.asLong();
        String body = text.isString() ? text.asString() : null;
        Long reply = replyTo.canConvertToLong() ? replyTo.asLong() : null;
        boolean urgent = frame.path("urgent").asBoolean(false);
        ctx.workers().execute(() -> {
            String answer;
            try {
                var sent = ctx.messages()
                        .send(connection.userId(), chatId, clientId, body, reply, mentions, attachments, urgent);
                answer = sentFrame(clientId, sent);
            } catch (ApiException e) {
                answer = errorFrame(clientId, e.status().value(), e.code(), e.args());
            } catch (RuntimeException e) {
                log.warn("Send over the stream failed", e);
                answer = errorFrame(clientId, 503, "SEND_FAILED");
            }
            String reply0 = answer;
            connection.channel().eventLoop().execute(() -> {
                pending--;
                connection.sendText(reply0);
            });
        });
    }

    private String sentFrame(String clientId, MessageService.Sent sent) {
        var frame = new LinkedHashMap<String, Object>();
        frame.put("type", "sent");
        frame.put("clientId", clientId);
        frame.put("chatId", sent.message().chatId());
        frame.put("messageId", sent.message().id());
        frame.put("position", sent.message().position());
        frame.put("created", sent.created());
        return ctx.json().writeValueAsString(frame);
    }

    private void error(String clientId, int status, String code, Object... args) {
        connection.sendText(errorFrame(clientId, status, code, args));
    }

    private String errorFrame(String clientId, int status, String code, Object... args) {
        var error = ctx.errors().error(status, code, connection.locale(), args);
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "error");
        frame.put("status", status);
        frame.put("code", error.code());
        frame.put("message", error.message());
        if (clientId != null) {
            frame.put("clientId", clientId);
        }
        return ctx.json().writeValueAsString(frame);
    }

    /** The ids of an optional array of at most {@code max} integers; null when malformed. */
    private static List<Long> ids(JsonNode node, int max) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > max) {
            return null;
        }
        var ids = new ArrayList<Long>(node.size());
        for (JsonNode n : node) {
            if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                return null;
            }
            ids.add(n.asLong());
        }
        return ids;
    }
}
