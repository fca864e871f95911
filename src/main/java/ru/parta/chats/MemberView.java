package ru.parta.chats;

import java.time.Instant;

/**
 * A chat member as other members see them: name, role, how far they have read, and in a generated chat why they are
 * in it («Ученик 5А», «Классный руководитель 5А»). No contact data.
 */
public record MemberView(
        long userId,
        String surname,
        String name,
        MemberRole role,
        long readPosition,
        Instant joinedAt,
        java.util.List<String> reasons) {}
