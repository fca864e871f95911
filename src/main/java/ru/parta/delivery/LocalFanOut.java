package ru.parta.delivery;

import org.springframework.stereotype.Component;
import ru.parta.chats.ChatEvent;
import ru.parta.chats.FanOut;

/**
 * In-process fan-out for a single node: hands each committed event to the connections of its recipients on this node
 * and wakes their long-polls. Costs one map lookup per recipient; the frame bytes are shared, never copied.
 */
@Component
public class LocalFanOut implements FanOut {

    private final Connections connections;

    public LocalFanOut(Connections connections) {
        this.connections = connections;
    }

    @Override
    public void publish(ChatEvent event) {
        for (long userId : event.recipients()) {
            deliver(userId, event);
        }
    }

    /** Hands the event to one user's connections on this node and wakes their long-polls. */
    public void deliver(long userId, ChatEvent event) {
        for (StreamConnection c : connections.of(userId)) {
            c.offer(event);
        }
        if (event.durable()) {
            connections.wake(userId);
        }
    }
}
