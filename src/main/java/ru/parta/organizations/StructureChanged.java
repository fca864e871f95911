package ru.parta.organizations;

/**
 * Published inside the transaction that changed the people, roles or classes of a school (or a department's own staff),
 * so that generated chats follow in the same transaction (listeners run synchronously before commit).
 */
public record StructureChanged(long schoolId) {}
