package ru.parta.chats;

/**
 * Pushes committed chat events to the connected clients of their recipients. Chats calls it only after the
 * transaction that wrote the event has committed. An implementation may drop or reorder pushes (a node may be down, a
 * bus may lose a message): clients detect a gap by position and fill it from the database, so the database decides
 * and the push only accelerates. A single-node install uses the in-process implementation; a cluster puts a broker
 * behind this interface.
 */
public interface FanOut {

    /** A durable event (position &gt; 0) or an ephemeral one such as typing (position 0). */
    void publish(ChatEvent event);
}
