package ru.parta.documents;

import java.util.List;
import java.util.Objects;

/**
 * What {@link InvitationSheets#render} prints: one slip per person, for one class (or group) of one school.
 * Guarantees: the slip list is non-empty, at most {@link #MAX_SLIPS} long and immutable; text fields are never
 * null (null becomes empty), and every slip has a code and a link.
 *
 * @param schoolName printed on every slip, e.g. «МБОУ "СОШ № 5"»
 * @param className the class or group, e.g. «5А»
 * @param slips the slips, in print order
 */
public record SheetRequest(String schoolName, String className, List<Slip> slips) {

    /** The most slips one request may hold (a large school printed at once). */
    public static final int MAX_SLIPS = 10_000;

    public SheetRequest {
        schoolName = Objects.requireNonNullElse(schoolName, "");
        className = Objects.requireNonNullElse(className, "");
        Objects.requireNonNull(slips, "slips");
        if (slips.isEmpty() || slips.size() > MAX_SLIPS) {
            throw new IllegalArgumentException("An invitation sheet needs 1.." + MAX_SLIPS + " slips: " + slips.size());
        }
        slips = List.copyOf(slips);
    }

    /**
     * One person's invitation.
     *
     * @param fullName «Иванов Иван Иванович»
     * @param roleLabel «Ученик», «Родитель ученика: Иванов Иван», «Учитель»
     * @param code the activation code, e.g. «ABCDE-FGHIJ»; printed large in a monospace face
     * @param link the activation link the QR code encodes, e.g. {@code https://parta.school.ru/activate?code=…}
     * @param expiresOn the expiry as it should be printed, e.g. «01.09.2025»
     */
    public record Slip(String fullName, String roleLabel, String code, String link, String expiresOn) {

        public Slip {
            fullName = Objects.requireNonNullElse(fullName, "");
            roleLabel = Objects.requireNonNullElse(roleLabel, "");
            expiresOn = Objects.requireNonNullElse(expiresOn, "");
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("A slip needs an activation code");
            }
            if (link == null || link.isBlank()) {
                throw new IllegalArgumentException("A slip needs an activation link");
            }
        }
    }
}
