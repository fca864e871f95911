package ru.parta.chats;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.parta.accounts.Users;
import ru.parta.shared.ApiException;

/**
 * Chats and their membership. Every membership change is a chat event with a position, written in the same
 * transaction. A caller who is not a member of a chat gets CHAT_NOT_FOUND, exactly as for a chat that does not exist,
 * so probing reveals nothing.
 */
@Service
public class ChatService {

    static final int MAX_MEMBERS_PER_REQUEST = 500;

    private final Chats chats;
    private final Members members;
    private final Users users;
    private final ChatEventLog log;
    private final org.springframework.beans.factory.ObjectProvider<ContactPolicy> contactPolicies;
    private final org.springframework.context.ApplicationEventPublisher events;

    ChatService(
            Chats chats,
            Members members,
            Users users,
            ChatEventLog log,
            org.springframework.beans.factory.ObjectProvider<ContactPolicy> contactPolicies,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.chats = chats;
        this.members = members;
        this.users = users;
        this.log = log;
        this.contactPolicies = contactPolicies;
    }

    public List<ChatView> list(long userId, int limit) {
        return chats.listFor(userId, Math.clamp(limit, 1, 500));
    }

    public ChatView view(long userId, long chatId) {
        return chats.viewFor(userId, chatId).orElseThrow(ChatService::notFound);
    }

    /** Creates a group or channel owned by the creator, with the given members. */
    @Transactional
    public ChatView create(long creatorId, ChatKind kind, String title, List<Long> memberIds) {
        if (kind == ChatKind.DIRECT) {
            throw ApiException.badRequest("USE_DIRECT_ENDPOINT");
        }
        String cleanTitle = cleanTitle(title);
        Set<Long> others = existingUsers(memberIds, creatorId);
        checkContact(creatorId, others, false);
        long chatId = chats.insert(kind, cleanTitle, null, creatorId);
        join(chatId, creatorId, MemberRole.OWNER);
        for (long userId : others) {
            join(chatId, userId, MemberRole.MEMBER);
        }
        return view(creatorId, chatId);
    }

    /** The one direct chat of two people: created on first use, returned as it is afterwards. */
    @Transactional
    public ChatView direct(long userId, long otherId) {
        if (userId == otherId || users.find(otherId).isEmpty()) {
            throw ApiException.badRequest("INVALID_DIRECT_PARTNER");
        }
        checkContact(userId, List.of(otherId), true);
        String key = Math.min(userId, otherId) + ":" + Math.max(userId, otherId);
        var existing = chats.findDirect(key);
        if (existing.isPresent()) {
            return view(userId, existing.get());
        }
        long chatId = chats.insert(ChatKind.DIRECT, null, key, userId);
        join(chatId, userId, MemberRole.MEMBER);
        join(chatId, otherId, MemberRole.MEMBER);
        return view(userId, chatId);
    }

    @Transactional
    public ChatView rename(long userId, long chatId, String title) {
        requireManager(chatId, userId);
        String clean = cleanTitle(title);
        chats.rename(chatId, clean);
        log.append(chatId, "chat.renamed", Map.of("title", clean, "by", userId), members.userIds(chatId));
        return view(userId, chatId);
    }

    @Transactional
    public List<MemberView> addMembers(long userId, long chatId, List<Long> userIds) {
        requireManager(chatId, userId);
        Set<Long> added = existingUsers(userIds, userId);
        if (!chats.generated(chatId)) {
            checkContact(userId, added, false);
        }
        for (long id : added) {
            members.forgetExclusion(chatId, id);
            join(chatId, id, MemberRole.MEMBER);
        }
        return members.list(chatId);
    }

    @Transactional
    public void removeMember(long userId, long chatId, long memberId) {
        if (memberId == userId) {
            leave(userId, chatId);
            return;
        }
        requireManager(chatId, userId);
        MemberRole target = members.role(chatId, memberId).orElseThrow(() -> ApiException.notFound("MEMBER_NOT_FOUND"));
        if (target == MemberRole.OWNER) {
            throw ApiException.forbidden("CANNOT_REMOVE_OWNER");
        }
        part(chatId, memberId, userId);
        members.rememberExclusion(chatId, memberId, userId);
        events.publishEvent(new ru.parta.shared.AdminAction(
                userId, null, "member.removed", Map.of("chatId", chatId, "userId", memberId)));
    }

    @Transactional
    public void leave(long userId, long chatId) {
        ChatKind kind = kindFor(chatId, userId);
        if (kind == ChatKind.DIRECT) {
            throw ApiException.badRequest("CANNOT_LEAVE_DIRECT");
        }
        part(chatId, userId, userId);
        if (!members.hasOwner(chatId)) {
            members.successor(chatId).ifPresent(next -> setRoleInternal(chatId, next, MemberRole.OWNER, userId));
        }
    }

    @Transactional
    public MemberView setRole(long userId, long chatId, long memberId, MemberRole role) {
        MemberRole mine = requireManager(chatId, userId);
        MemberRole current =
                members.role(chatId, memberId).orElseThrow(() -> ApiException.notFound("MEMBER_NOT_FOUND"));
        if (role == MemberRole.OWNER
                || current == MemberRole.OWNER
                || (mine != MemberRole.OWNER && role == MemberRole.ADMIN)) {
            throw ApiException.forbidden("ROLE_CHANGE_NOT_ALLOWED");
        }
        setRoleInternal(chatId, memberId, role, userId);
        return members.list(chatId).stream()
                .filter(m -> m.userId() == memberId)
                .findFirst()
                .orElseThrow();
    }

    /** The moderation events other modules may append (their state lives with them, the timeline here). */
    private static final Set<String> MODERATION_EVENTS = Set.of("member.muted", "member.unmuted", "chat.lesson-mode");

    /**
     * Appends a moderation event to the chat's timeline in the caller's transaction, delivered to every member after
     * commit like any other event (and replayed on catch-up). Only the moderation event types are accepted.
     */
    @Transactional
    public void announce(long chatId, String type, Map<String, ?> data) {
        if (!MODERATION_EVENTS.contains(type)) {
            throw new IllegalArgumentException("not a moderation event: " + type);
        }
        log.append(chatId, type, data, members.userIds(chatId));
    }

    public List<MemberView> members(long userId, long chatId) {
        kindFor(chatId, userId);
        return members.list(chatId);
    }

    /** Records how far the user has read; an older position than the stored one changes nothing. */
    @Transactional
    public void markRead(long userId, long chatId, long position) {
        kindFor(chatId, userId);
        long last = chats.lastPosition(chatId);
        if (position < 0 || position > last) {
            throw ApiException.badRequest("INVALID_POSITION");
        }
        if (members.markRead(chatId, userId, position)) {
            log.append(chatId, "read", Map.of("userId", userId, "position", position), members.userIds(chatId));
        }
    }

    /** Tells the other members that the user is typing; not stored. */
    public void typing(long userId, long chatId) {
        ChatKind kind = kindFor(chatId, userId);
        MemberRole role = members.role(chatId, userId).orElseThrow(ChatService::notFound);
        if (!role.canPost(kind)) {
            return;
        }
        long[] others = java.util.Arrays.stream(members.userIds(chatId))
                .filter(id -> id != userId)
                .toArray();
        log.ephemeral(chatId, "typing", Map.of("userId", userId), others);
    }

    /** The caller's role in a chat; CHAT_NOT_FOUND when they are not a member. */
    public MemberRole role(long userId, long chatId) {
        return members.role(chatId, userId).orElseThrow(ChatService::notFound);
    }

    /** Whether the chat is generated from the roster (class chat, staff room, …). */
    public boolean generated(long chatId) {
        return chats.generated(chatId);
    }

    private void checkContact(long actorId, java.util.Collection<Long> targets, boolean direct) {
        if (!targets.isEmpty()) {
            contactPolicies.orderedStream().forEach(p -> p.checkContact(actorId, targets, direct));
        }
    }

    ChatKind kindFor(long chatId, long userId) {
        if (members.role(chatId, userId).isEmpty()) {
            throw notFound();
        }
        return chats.kind(chatId).orElseThrow(ChatService::notFound);
    }

    private MemberRole requireManager(long chatId, long userId) {
        MemberRole role = members.role(chatId, userId).orElseThrow(ChatService::notFound);
        if (chats.kind(chatId).orElseThrow() == ChatKind.DIRECT) {
            throw ApiException.badRequest("DIRECT_CHAT_FIXED");
        }
        if (!role.manages()) {
            throw ApiException.forbidden("NOT_CHAT_ADMIN");
        }
        return role;
    }

    /** Adds a member unless already one; the position is taken first, so the member receives their own join. */
    private boolean join(long chatId, long userId, MemberRole role) {
        log.lock(chatId);
        if (members.role(chatId, userId).isPresent()) {
            return false;
        }
        long position = log.nextPosition(chatId);
        members.add(chatId, userId, role, position);
        log.append(chatId, position, "member.added", Map.of("userId", userId, "role", role), members.userIds(chatId));
        chats.touch(chatId, null);
        return true;
    }

    private void part(long chatId, long userId, long byUserId) {
        long[] recipients = members.userIds(chatId);
        if (!members.remove(chatId, userId)) {
            throw ApiException.notFound("MEMBER_NOT_FOUND");
        }
        log.append(chatId, "member.removed", Map.of("userId", userId, "by", byUserId), recipients);
    }

    private void setRoleInternal(long chatId, long memberId, MemberRole role, long byUserId) {
        members.setRole(chatId, memberId, role);
        log.append(
                chatId,
                "member.role",
                Map.of("userId", memberId, "role", role, "by", byUserId),
                members.userIds(chatId));
    }

    private Set<Long> existingUsers(List<Long> ids, long except) {
        List<Long> requested = ids == null ? List.of() : ids;
        if (requested.size() > MAX_MEMBERS_PER_REQUEST) {
            throw ApiException.badRequest("TOO_MANY_MEMBERS", MAX_MEMBERS_PER_REQUEST);
        }
        Set<Long> wanted = new LinkedHashSet<>(requested);
        wanted.remove(except);
        List<Long> found = users.existing(wanted);
        if (found.size() != wanted.size()) {
            List<Long> missing = new ArrayList<>(wanted);
            missing.removeAll(found);
            throw ApiException.badRequest("UNKNOWN_USERS", missing);
        }
        return wanted;
    }

    private static String cleanTitle(String title) {
        String clean = title == null ? "" : title.strip();
        if (clean.isEmpty() || clean.codePointCount(0, clean.length()) > 200) {
            throw ApiException.badRequest("INVALID_TITLE");
        }
        return clean;
    }

    static ApiException notFound() {
        return ApiException.notFound("CHAT_NOT_FOUND");
    }
}
