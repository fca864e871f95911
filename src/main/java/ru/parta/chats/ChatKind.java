package ru.parta.chats;

/** DIRECT: two people, created once per pair. GROUP: everyone posts. CHANNEL: only owners and admins post. */
public enum ChatKind {
    DIRECT,
    GROUP,
    CHANNEL
}
