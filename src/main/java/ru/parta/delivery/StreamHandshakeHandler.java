package ru.parta.delivery;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ru.parta.accounts.CurrentUser;
import ru.parta.accounts.SecondFactor;
import ru.parta.accounts.Sessions;

/**
 * Authenticates the WebSocket upgrade of {@code /api/v1/stream}: the token comes from {@code ?token=}, an
 * {@code Authorization: Bearer} header, or the session cookie. With the cookie, the browser's Origin must be this host
 * (any port) or a configured origin, so another site cannot open a stream in the user's name. The session check reads
 * the database, so it runs on a worker thread, never on the event loop.
 */
final class StreamHandshakeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    static final String PATH = "/api/v1/stream";
    private static final String COOKIE = "PARTA_SESSION";

    private final StreamContext ctx;
    private final Sessions sessions;

    private final SecondFactor secondFactor;

    StreamHandshakeHandler(StreamContext ctx, Sessions sessions, SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
        super(false);
        this.ctx = ctx;
        this.sessions = sessions;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext channel, FullHttpRequest request) {
        var query = new QueryStringDecoder(request.uri());
        Locale locale = locale(request, query);
        if (!query.path().equals(PATH) || request.method() != HttpMethod.GET) {
            reject(channel, request, HttpResponseStatus.NOT_FOUND, "NOT_FOUND", locale);
            return;
        }
        if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, "websocket", true)) {
            reject(channel, request, HttpResponseStatus.BAD_REQUEST, "WEBSOCKET_REQUIRED", locale);
            return;
        }
        String token = first(query.parameters().get("token"));
        boolean cookie = false;
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (token == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = authorization.substring(7).strip();
        }
        if (token == null && request.headers().contains(HttpHeaderNames.COOKIE)) {
            for (var c : ServerCookieDecoder.STRICT.decode(request.headers().get(HttpHeaderNames.COOKIE))) {
                if (c.name().equals(COOKIE)) {
                    token = c.value();
                    cookie = true;
                }
            }
        }
        if (cookie && !originAllowed(request)) {
            reject(channel, request, HttpResponseStatus.FORBIDDEN, "CSRF_REJECTED", locale);
            return;
        }
        String presented = token;
        ctx.workers().execute(() -> {
            Optional<CurrentUser> user;
            boolean enrolmentPending;
            try {
                user = sessions.authenticate(presented);
                enrolmentPending = user.isPresent() && secondFactor.enrolmentPending(user.get());
            } catch (RuntimeException e) {
                user = Optional.empty();
                enrolmentPending = false;
            }
            Optional<CurrentUser> result = user;
            if (enrolmentPending) {
                channel.executor()
                        .execute(() -> reject(
                                channel, request, HttpResponseStatus.FORBIDDEN, "TOTP_ENROLMENT_REQUIRED", locale));
                return;
            }
            channel.executor().execute(() -> upgrade(channel, request, result, locale));
        });
    }

    private void upgrade(
            ChannelHandlerContext channel, FullHttpRequest request, Optional<CurrentUser> user, Locale locale) {
        if (user.isEmpty()) {
            reject(channel, request, HttpResponseStatus.UNAUTHORIZED, "UNAUTHENTICATED", locale);
            return;
        }
        try {
            String url = "ws://" + request.headers().get(HttpHeaderNames.HOST, "localhost") + PATH;
            var handshaker = new WebSocketServerHandshakerFactory(
                            url, null, false, ctx.properties().maxFrameBytes())
                    .newHandshaker(request);
            if (handshaker == null) {
                WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel.channel());
                return;
            }
            var connection = new StreamConnection(
                    ctx, channel.channel(), user.get().userId(), user.get().sessionId(), locale);
            channel.pipeline().replace(this, "frames", new StreamFrameHandler(ctx, connection, handshaker));
            handshaker.handshake(channel.channel(), request).addListener(f -> {
                if (f.isSuccess() && channel.channel().isActive()) {
                    ctx.connections().add(connection);
                } else {
                    channel.close();
                }
            });
        } finally {
            request.release();
        }
    }

    private boolean originAllowed(FullHttpRequest request) {
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (origin == null) {
            return true;
        }
        if (ctx.properties().allowedOrigins().contains(origin)) {
            return true;
        }
        try {
            String originHost = URI.create(origin).getHost();
            String host = request.headers().get(HttpHeaderNames.HOST, "");
            String hostOnly = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.split(":")[0];
            return originHost != null && originHost.equalsIgnoreCase(hostOnly);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void reject(
            ChannelHandlerContext channel,
            FullHttpRequest request,
            HttpResponseStatus status,
            String code,
            Locale locale) {
        var error = ctx.errors().error(status.code(), code, locale);
        byte[] body = ctx.json().writeValueAsString(error).getBytes(StandardCharsets.UTF_8);
        var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (request.refCnt() > 0) {
            request.release();
        }
        channel.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static Locale locale(FullHttpRequest request, QueryStringDecoder query) {
        String lang = first(query.parameters().get("lang"));
        if (lang == null) {
            lang = request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE, "ru");
        }
        return lang.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.forLanguageTag("ru");
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
