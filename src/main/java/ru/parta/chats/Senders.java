package ru.parta.chats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.parta.shared.ChatAnswers;

/**
 * Who may send into a chat, as every send asks before it is written: the chat's kind and origin, and each member's
 * role. Read with all of a chat's members at once and kept for {@code parta.messages.sender-cache-ttl}, so a busy chat
 * costs one query a second instead of one a message.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>A member added, removed or given another role on this node is seen by every send that starts after that
 *       commits: {@link Members} and {@link ManagedChats} {@link #forget} the chat with every change they make (see
 *       {@link ChatAnswers} for how a read racing a change is not kept). Off in cluster mode, where another node's
 *       change must hold at once.
 *   <li>A stale answer can never let a former member post: the writer reads the chat's members again under the chat's
 *       lock and refuses a sender who is not among them.
 *   <li>Memory: one id and one role per member of each chat sent to, for at most {@link ChatAnswers#MAX_CHATS} chats.
 * </ul>
 */
@Component
class Senders {

    /** The sender's place in the chat. */
    record Sender(MemberRole role, ChatKind kind, boolean generated) {}

    /** A chat's members sorted by id, with their roles; no members when the chat does not exist. */
    private record ChatSenders(ChatKind kind, boolean generated, long[] userIds, MemberRole[] roles) {

        Optional<Sender> of(long userId) {
            int i = Arrays.binarySearch(userIds, userId);
            return i < 0 ? Optional.empty() : Optional.of(new Sender(roles[i], kind, generated));
        }
    }

    private static final ChatSenders NO_CHAT = new ChatSenders(null, false, new long[0], new MemberRole[0]);

    private final JdbcClient jdbc;
    private final ChatAnswers<ChatSenders> chats;

    Senders(JdbcClient jdbc, MessagesProperties properties, @Value("${parta.cluster.enabled:false}") boolean cluster) {
        this.jdbc = jdbc;
        this.chats = ChatAnswers.onThisNode(properties.senderCacheTtl(), cluster);
    }

    /** Empty when the user is not a member of the chat (or it does not exist). */
    Optional<Sender> of(long chatId, long userId) {
        return chats.get(chatId, this::read).of(userId);
    }

    /** Drops what is known of the chat's members, now and after the current transaction completes. */
    void forget(long chatId) {
        chats.forget(chatId);
    }

    private ChatSenders read(long chatId) {
        record Row(ChatKind kind, boolean generated, long userId, MemberRole role) {}
        List<Row> rows = jdbc.sql("""
                        select c.kind, c.generated_unit_id is not null, m.user_id, m.role
                        from chats c left join chat_members m on m.chat_id = c.id
                        where c.id = ? order by m.user_id
                        """)
                .param(chatId)
                .query((rs, n) -> new Row(
                        ChatKind.valueOf(rs.getString(1)),
                        rs.getBoolean(2),
                        rs.getLong(3),
                        rs.getString(4) == null ? null : MemberRole.valueOf(rs.getString(4))))
                .list();
        if (rows.isEmpty()) {
            return NO_CHAT;
        }
        var members = new ArrayList<Row>(rows.size());
        rows.stream().filter(r -> r.role() != null).forEach(members::add);
        long[] ids = new long[members.size()];
        MemberRole[] roles = new MemberRole[members.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = members.get(i).userId();
            roles[i] = members.get(i).role();
        }
        return new ChatSenders(rows.getFirst().kind(), rows.getFirst().generated(), ids, roles);
    }
}
