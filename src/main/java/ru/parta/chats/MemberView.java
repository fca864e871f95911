package ru.parta.chats;

import java.time.Instant;

/** A chat member as other members see them: name, role and how far they have read. No contact data. */
public record MemberView(
        long userId, String surname, String name, MemberRole role, long readPosition, Instant joinedAt) {}
