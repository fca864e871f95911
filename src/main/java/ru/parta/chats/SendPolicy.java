package ru.parta.chats;

/**
 * Rules a send or edit must pass before it is stored (quiet hours, muting, lesson mode, word filter, flood limits).
 * Consulted by {@link MessageService} after membership and posting rights are checked: for an edit inside its
 * transaction, for a new message just before it is handed to the writer (so that writes can be grouped). An implementation refuses by throwing {@link ru.parta.shared.ApiException} (nothing is stored), or answers
 * how the message is to be stored.
 */
public interface SendPolicy {

    Verdict check(Attempt attempt);

    /** Called once a new or edited message is stored, in the same transaction, with the combined verdict. */
    default void stored(Attempt attempt, MessageView message, Verdict verdict) {}

    /**
     * Called when a new message that every policy allowed is not stored after all: a twin with the same client id was
     * stored first, the sender left the chat meanwhile, or the write failed. Whatever {@link #check} counted for it
     * should be given back.
     */
    default void abandoned(Attempt attempt) {}

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
