package ru.parta.chats;

import java.util.List;
import java.util.Map;

/**
 * The port through which messages carry files. Chats owns it; the files module implements it, so chats never depends on
 * files. All methods run inside the caller's transaction.
 */
public interface MessageAttachments {

    /** Nothing attaches: used when no files module is present. */
    MessageAttachments NONE = new MessageAttachments() {
        @Override
        public List<AttachmentView> attach(long messageId, long chatId, long senderId, List<Long> uploadIds) {
            if (!uploadIds.isEmpty()) {
                throw ru.parta.shared.ApiException.badRequest("ATTACHMENT_INVALID");
            }
            return List.of();
        }

        @Override
        public Map<Long, List<AttachmentView>> of(List<Long> messageIds) {
            return Map.of();
        }

        @Override
        public void released(long messageId) {}
    };

    /**
     * Binds finished uploads of the sender, made for this chat and not yet attached, to the new message; refuses the
     * whole send (rolling it back) if any of them is not such an upload.
     */
    List<AttachmentView> attach(long messageId, long chatId, long senderId, List<Long> uploadIds);

    /** The attachments of the given messages, by message id, in attachment order; messages without any are absent. */
    Map<Long, List<AttachmentView>> of(List<Long> messageIds);

    /** The message was deleted: its files are no longer reachable and their storage may be reclaimed. */
    void released(long messageId);
}
