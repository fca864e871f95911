package ru.parta.chats;

import java.util.Collection;

/**
 * Who may bring whom into a conversation. Consulted by {@link ChatService} before a direct chat is opened or people
 * are added to an ad-hoc chat (at creation or later); generated (roster) chats are not subject to it. An
 * implementation refuses by throwing {@link ru.parta.shared.ApiException}; the request then changes nothing.
 */
public interface ContactPolicy {

    /**
     * @param actorId the user opening the chat or adding people
     * @param targetIds the users to be brought in (never containing the actor)
     * @param direct whether this is a direct chat of the two
     */
    void checkContact(long actorId, Collection<Long> targetIds, boolean direct);
}
