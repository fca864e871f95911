package ru.parta.delivery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.parta.accounts.CurrentUser;
import ru.parta.chats.ChatSync;
import ru.parta.shared.ApiException;

/**
 * The stream's events over plain HTTP, for clients that cannot hold a WebSocket: send your cursors, receive what you
 * missed, in the same frames, with the new cursors; with {@code waitSeconds} the request waits (long-poll) until
 * something arrives. Same rules as the stream: only chats you are a member of, never before you joined.
 */
@RestController
class SyncController {

    private final ChatSync sync;
    private final Connections connections;
    private final DeliveryProperties properties;
    private final DeliveryMetrics metrics;
    private final StreamServer server;

    SyncController(
            ChatSync sync,
            Connections connections,
            DeliveryProperties properties,
            DeliveryMetrics metrics,
            StreamServer server) {
        this.sync = sync;
        this.connections = connections;
        this.properties = properties;
        this.metrics = metrics;
        this.server = server;
    }

    record SyncRequest(
            @Size(max = 10_000) Map<Long, @Min(0) Long> cursors,
            @Min(0) @Max(30) Integer waitSeconds,
            @Min(1) @Max(1000) Integer limit) {}

    record StreamInfo(int port, String path) {}

    @GetMapping("/api/v1/stream-info")
    StreamInfo info() {
        return new StreamInfo(server.port(), StreamHandshakeHandler.PATH);
    }

    @PostMapping(value = "/api/v1/sync", produces = MediaType.APPLICATION_JSON_VALUE)
    String sync(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody SyncRequest request) {
        Map<Long, Long> cursors = request.cursors() == null ? Map.of() : request.cursors();
        int limit = request.limit() == null ? properties.catchUpBatch() : request.limit();
        long deadline =
                System.nanoTime() + TimeUnit.SECONDS.toNanos(request.waitSeconds() == null ? 0 : request.waitSeconds());
        while (true) {
            var waiter = connections.waiter(user.userId());
            try {
                String result = read(user.userId(), cursors, limit);
                if (result != null || System.nanoTime() >= deadline) {
                    return result != null ? result : read(user.userId(), cursors, 0);
                }
                waiter.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // nothing arrived in time: answer with the unchanged cursors
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "INTERRUPTED");
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            } finally {
                connections.forget(user.userId(), waiter);
            }
        }
    }

    /** The events after the cursors as a JSON document, or null when there are none and {@code limit} is positive. */
    private String read(long userId, Map<Long, Long> cursors, int limit) {
        Map<Long, Long> next = new LinkedHashMap<>();
        List<String> frames = new ArrayList<>();
        boolean more = false;
        for (ChatSync.Membership m : sync.memberships(userId)) {
            long base = Math.max(cursors.getOrDefault(m.chatId(), 0L), m.joinedPosition() - 1);
            next.put(m.chatId(), base);
            if (m.lastPosition() <= base || limit == 0) {
                continue;
            }
            int room = limit - frames.size();
            if (room <= 0) {
                more = true;
                continue;
            }
            var events = sync.eventsAfter(userId, m.chatId(), base, room);
            for (var e : events) {
                frames.add(e.frame());
                next.put(m.chatId(), e.position());
            }
            more |= events.size() == room && m.lastPosition() > next.get(m.chatId());
        }
        if (frames.isEmpty() && limit > 0) {
            return null;
        }
        if (!frames.isEmpty()) {
            metrics.caughtUp();
        }
        StringBuilder json = new StringBuilder("{\"events\":[");
        json.append(String.join(",", frames)).append("],\"cursors\":{");
        boolean first = true;
        for (var entry : next.entrySet()) {
            json.append(first ? "" : ",")
                    .append('"')
                    .append(entry.getKey())
                    .append("\":")
                    .append(entry.getValue());
            first = false;
        }
        return json.append("},\"more\":").append(more).append('}').toString();
    }
}
