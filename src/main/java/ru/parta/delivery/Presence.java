package ru.parta.delivery;

/**
 * Told when a user's first stream connection opens on this node and when their last one closes; calls for one user
 * never overlap. The cluster bus uses it to receive exactly the events of the users connected here.
 */
public interface Presence {

    void online(long userId);

    void offline(long userId);
}
