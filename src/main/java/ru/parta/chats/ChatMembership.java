package ru.parta.chats;

import org.springframework.stereotype.Component;

/** Read-only membership questions for other modules (files checks who may upload to or download from a chat). */
@Component
public class ChatMembership {

    private final Members members;
    private final Chats chats;

    ChatMembership(Members members, Chats chats) {
        this.members = members;
        this.chats = chats;
    }

    public boolean isMember(long chatId, long userId) {
        return members.role(chatId, userId).isPresent();
    }

    /** Whether the user may post in the chat (and therefore upload files for it). */
    public boolean canPost(long chatId, long userId) {
        var role = members.role(chatId, userId);
        var kind = chats.kind(chatId);
        return role.isPresent() && kind.isPresent() && role.get().canPost(kind.get());
    }
}
