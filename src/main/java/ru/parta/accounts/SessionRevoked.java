package ru.parta.accounts;

/** Published after a session is revoked (log-out or revoke), so open streams of that session can be closed. */
public record SessionRevoked(long userId, long sessionId) {}
