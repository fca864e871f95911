package ru.parta.organizations;

/**
 * Published inside the transaction that changed a school's people, roles or classes, so that generated chats follow
 * in the same transaction (listeners run synchronously before commit).
 */
public record StructureChanged(long schoolId) {}
