package ru.parta.invitations;

import java.time.Instant;

/**
 * A rostered person with their invitation state, as a class teacher or school admin sees it for handing out codes.
 * {@code status}: ACTIVATED, ACTIVE (code issued, not used), EXPIRED, REVOKED, NO_CODE.
 */
public record InvitationView(
        long personId, String fullName, String role, String className, String status, String code, Instant expiresAt) {}
