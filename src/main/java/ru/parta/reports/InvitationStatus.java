package ru.parta.reports;

/**
 * Why a rostered person is not connected yet, as the invitation side sees it. ACTIVATED_NOT_IN_ALL_CHATS wins over
 * the code's state: the person has an account but is missing from at least one required generated chat.
 */
public enum InvitationStatus {
    NO_CODE("Код не выдан"),
    ACTIVE("Код выдан, не использован"),
    EXPIRED("Код истёк"),
    REVOKED("Код отозван"),
    ACTIVATED_NOT_IN_ALL_CHATS("Активирован, но не во всех чатах");

    private final String label;

    InvitationStatus(String label) {
        this.label = label;
    }

    /** The Russian label used in exports. */
    public String label() {
        return label;
    }
}
