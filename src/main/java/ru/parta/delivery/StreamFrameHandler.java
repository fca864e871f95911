package ru.parta.delivery;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.HashMap;
import java.util.Map;
import ru.parta.shared.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * Client frames of an open stream: {@code hello} (cursors), {@code typing}, {@code ping}, {@code send} (see
 * {@link StreamSends}). Anything else is answered
 * with an error frame and the connection stays open; a malformed frame never raises on the server.
 */
final class StreamFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final StreamContext ctx;
    private final StreamConnection connection;
    private final WebSocketServerHandshaker handshaker;
    private StreamSends sends;

    StreamFrameHandler(StreamContext ctx, StreamConnection connection, WebSocketServerHandshaker handshaker) {
        this.ctx = ctx;
        this.connection = connection;
        this.handshaker = handshaker;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext channel, WebSocketFrame frame) {
        switch (frame) {
            case TextWebSocketFrame text -> onText(text.text());
            case PingWebSocketFrame ping ->
                channel.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            case CloseWebSocketFrame close -> handshaker.close(channel.channel(), close.retain());
            case PongWebSocketFrame pong -> {}
            default -> error("UNSUPPORTED_FRAME");
        }
    }

    private void onText(String text) {
        JsonNode node;
        try {
            node = ctx.json().readTree(text);
        } catch (RuntimeException e) {
            error("MALFORMED_FRAME");
            return;
        }
        String type = node.path("type").asString("");
        switch (type) {
            case "hello" -> hello(node.path("cursors"));
            case "ping" -> connection.sendText("{\"type\":\"pong\"}");
            case "typing" -> typing(node.path("chatId"));
            case "send" -> sends().send(node);
            default -> error("UNKNOWN_FRAME");
        }
    }

    private StreamSends sends() {
        if (sends == null) {
            sends = new StreamSends(ctx, connection);
        }
        return sends;
    }

    private void hello(JsonNode cursorsNode) {
        Map<Long, Long> cursors = new HashMap<>();
        if (!cursorsNode.isMissingNode() && !cursorsNode.isNull()) {
            if (!cursorsNode.isObject() || cursorsNode.size() > 10_000) {
                error("INVALID_CURSORS");
                return;
            }
            for (var entry : cursorsNode.properties()) {
                try {
                    long chatId = Long.parseLong(entry.getKey());
                    if (!entry.getValue().canConvertToLong() || entry.getValue().asLong() < 0) {
                        error("INVALID_CURSORS");
                        return;
                    }
                    cursors.put(chatId, entry.getValue().asLong());
                } catch (NumberFormatException e) {
                    error("INVALID_CURSORS");
                    return;
                }
            }
        }
        connection.hello(cursors);
    }

    private void typing(JsonNode chatIdNode) {
        if (!chatIdNode.canConvertToLong()) {
            error("INVALID_CHAT_ID");
            return;
        }
        long chatId = chatIdNode.asLong();
        ctx.workers().execute(() -> {
            try {
                ctx.chats().typing(connection.userId(), chatId);
            } catch (ApiException e) {
                error(e.code());
            } catch (RuntimeException e) {
                error("INTERNAL");
            }
        });
    }

    private void error(String code) {
        var error = ctx.errors().error(400, code, connection.locale());
        var frame = new HashMap<String, Object>();
        frame.put("type", "error");
        frame.put("code", error.code());
        frame.put("message", error.message());
        connection.sendText(ctx.json().writeValueAsString(frame));
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext channel) {
        connection.writabilityChanged();
        channel.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext channel, Object event) {
        if (event instanceof IdleStateEvent) {
            connection.close(1001, "IDLE");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext channel) {
        connection.closed();
        ctx.connections().remove(connection);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext channel, Throwable cause) {
        if (cause instanceof io.netty.handler.codec.TooLongFrameException) {
            connection.close(1009, "FRAME_TOO_LARGE");
            return;
        }
        channel.close();
    }
}
