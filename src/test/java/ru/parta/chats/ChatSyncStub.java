package ru.parta.chats;

import java.util.List;

/** For micro-benchmarks and unit tests: a {@link ChatSync} that answers from memory, without a database. */
public final class ChatSyncStub {

    private ChatSyncStub() {}

    /** Every user is a member of {@code chatId} from position 1; its events are {@code frames}, position i + 1 each. */
    public static ChatSync withEvents(long chatId, List<String> frames) {
        return new ChatSync(null) {
            @Override
            public List<Membership> memberships(long userId) {
                return List.of(new Membership(chatId, 1, frames.size()));
            }

            @Override
            public List<StoredEvent> eventsAfter(long userId, long chat, long after, int limit) {
                List<StoredEvent> found = new java.util.ArrayList<>();
                for (int p = (int) after + 1; p <= frames.size() && found.size() < limit; p++) {
                    found.add(new StoredEvent(chat, p, frames.get(p - 1)));
                }
                return found;
            }
        };
    }

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
