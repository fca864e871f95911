package ru.parta.chats;

/**
 * Rules a send or edit must pass before it is stored (quiet hours, muting, lesson mode, word filter, flood limits).
 * Consulted by {@link MessageService} inside the change's transaction, after membership and posting rights are
 * checked. An implementation refuses by throwing {@link ru.parta.shared.ApiException} (nothing is stored), or answers
 * how the message is to be stored.
 */
public interface SendPolicy {

    Verdict check(Attempt attempt);

    /** Called once a new or edited message is stored, in the same transaction, with the combined verdict. */
    default void stored(Attempt attempt, MessageView message, Verdict verdict) {}

    /**
     * @param manager whether the sender owns or administers the chat
     * @param generated whether the chat is generated from the roster
     * @param edit true for an edit of an existing message, false for a new send
     */
    record Attempt(
            long senderId,
            long chatId,
            ChatKind kind,
            boolean manager,
            boolean generated,
            String text,
            boolean urgent,
            boolean edit) {}

    /**
     * @param quiet store and deliver the message so that clients do not alert
     * @param flag a reason to queue the message for moderators, or null
     */
    record Verdict(boolean quiet, String flag) {
        public static final Verdict ALLOW = new Verdict(false, null);

        public Verdict and(Verdict other) {
            return new Verdict(quiet || other.quiet, flag != null ? flag : other.flag);
        }
    }
}
