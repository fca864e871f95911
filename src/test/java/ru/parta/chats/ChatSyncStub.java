package ru.parta.chats;

import java.util.List;

/** For micro-benchmarks: a {@link ChatSync} that answers from memory, without a database. */
public final class ChatSyncStub {

    private ChatSyncStub() {}

    /** Every user is a member of {@code chatId} from position 1, which has no events yet. */
    public static ChatSync memberOf(long chatId) {
        return new ChatSync(null) {
            @Override
            public List<Membership> memberships(long userId) {
                return List.of(new Membership(chatId, 1, 0));
            }
        };
    }
}
