package ru.parta.chats;

/** A member's rights in one chat; READ_ONLY members read and react but do not post. */
public enum MemberRole {
    OWNER,
    ADMIN,
    MEMBER,
    READ_ONLY;

    public boolean manages() {
        return this == OWNER || this == ADMIN;
    }

    boolean canPost(ChatKind kind) {
        return switch (kind) {
            case CHANNEL -> manages();
            case DIRECT, GROUP -> this != READ_ONLY;
        };
    }
}
