package ru.parta.shared;

import java.util.Map;

/**
 * An administrative action worth recording in the audit log (roster import, rollover, unit change, invitation
 * re-issue or revoke, member removal, …). Published synchronously by the module that performed it, inside its
 * transaction; the safety module appends it to the audit log with the request's address.
 *
 * @param actorId the user who acted, or null for the system
 * @param unitId the unit (school, department) the action concerns, or null when not known (then a {@code chatId}
 *     detail, if any, locates it)
 */
public record AdminAction(Long actorId, Long unitId, String action, Map<String, Object> details) {}
