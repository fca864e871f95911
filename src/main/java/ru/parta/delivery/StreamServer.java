package ru.parta.delivery;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import ru.parta.accounts.Sessions;
import ru.parta.chats.ChatService;
import ru.parta.chats.ChatSync;
import ru.parta.chats.MessageService;
import ru.parta.shared.ErrorMessages;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WebSocket stream on its own Netty server and port. Netty keeps an idle connection at about 2 KB of server
 * memory, where a servlet container's WebSocket costs tens of KB; that decides how many people one server holds.
 * Database work never runs on the event loops: it goes to virtual threads and the result is handed back.
 */
@Component
class StreamServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamServer.class);

    private final DeliveryProperties properties;
    private final ChatSync sync;
    private final ChatService chats;
    private final MessageService messages;
    private final Connections connections;
    private final DeliveryMetrics metrics;
    private final JsonMapper json;
    private final ErrorMessages errors;
    private volatile StreamContext context;
    private final Sessions sessions;
    private final ru.parta.accounts.SecondFactor secondFactor;
    private ExecutorService workers;
    private EventLoopGroup group;
    private Channel server;
    private volatile int boundPort;

    StreamServer(
            DeliveryProperties properties,
            ChatSync sync,
            ChatService chats,
            MessageService messages,
            Connections connections,
            DeliveryMetrics metrics,
            JsonMapper json,
            ErrorMessages errors,
            Sessions sessions,
            ru.parta.accounts.SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
        this.properties = properties;
        this.sessions = sessions;
        this.sync = sync;
        this.chats = chats;
        this.messages = messages;
        this.connections = connections;
        this.metrics = metrics;
        this.json = json;
        this.errors = errors;
    }

    /**
     * Starts the event loops and the worker threads. A stopped server can start again (the test framework pauses
     * cached contexts and resumes them): every start gets fresh threads.
     */
    @Override
    public void start() {
        workers = Executors.newVirtualThreadPerTaskExecutor();
        context = new StreamContext(sync, chats, messages, connections, metrics, properties, json, errors, workers);
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        group = new MultiThreadIoEventLoopGroup(properties.eventLoopThreads(), io);
        var bootstrap = new ServerBootstrap()
                .group(group)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(
                        ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(properties.writeBufferLowBytes(), properties.writeBufferHighBytes()))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new IdleStateHandler(
                                        properties.idleTimeout().toSeconds(), 0, 0, TimeUnit.SECONDS))
                                .addLast(new HttpServerCodec(4096, 8192, 8192))
                                .addLast(new HttpObjectAggregator(8192))
                                .addLast(new WebSocketFrameAggregator(properties.maxFrameBytes()))
                                .addLast("handshake", new StreamHandshakeHandler(context, sessions, secondFactor));
                    }
                });
        try {
            server = bootstrap
                    .bind(new InetSocketAddress(properties.bindAddress(), properties.port()))
                    .sync()
                    .channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while binding the stream port", e);
        }
        boundPort = ((InetSocketAddress) server.localAddress()).getPort();
        log.info(
                "Stream listening on {}:{}{} ({})",
                properties.bindAddress(),
                boundPort,
                StreamHandshakeHandler.PATH,
                epoll ? "epoll" : "nio");
    }

    /** The port actually bound, which differs from the configured one when that is 0. */
    int port() {
        return boundPort;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close().syncUninterruptibly();
            context.connections().closeAll(1001, "SERVER_STOPPING");
            if (!group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS)) {
                log.warn("Stream event loops did not stop within 10 s; shutting down without them");
            }
            workers.shutdownNow();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
