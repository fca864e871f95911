package ru.parta.accounts;

/**
 * The authenticated caller of a request or a stream: the account and the session it authenticated with.
 *
 * @param userId the account
 * @param sessionId the session; revoking it ends every request and stream that carries it
 * @param systemAdmin whether the account administers the whole installation
 */
public record CurrentUser(long userId, long sessionId, boolean systemAdmin) {}
