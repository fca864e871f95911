package ru.parta.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ru.parta.chats.AttachmentView;
import ru.parta.chats.MessageAttachments;
import ru.parta.shared.ApiException;

/** Files as message attachments: bound at send, listed with messages, released (and reclaimed) at delete. */
@Component
class FileAttachments implements MessageAttachments {

    private final FileRecords files;
    private final Blobs blobs;

    FileAttachments(FileRecords files, Blobs blobs) {
        this.files = files;
        this.blobs = blobs;
    }

    @Override
    public List<AttachmentView> attach(long messageId, long chatId, long senderId, List<Long> uploadIds) {
        List<Long> ids = uploadIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() > 10 || files.attach(messageId, chatId, senderId, ids) != ids.size()) {
            throw ApiException.badRequest("ATTACHMENT_INVALID");
        }
        return of(List.of(messageId)).getOrDefault(messageId, List.of());
    }

    @Override
    public Map<Long, List<AttachmentView>> of(List<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<AttachmentView>> result = new LinkedHashMap<>();
        for (FileRow row : files.ofMessages(messageIds)) {
            result.computeIfAbsent(row.messageId(), k -> new ArrayList<>()).add(row.view());
        }
        return result;
    }

    @Override
    public void released(long messageId) {
        List<String> keys = files.release(messageId);
        keys.forEach(blobs::release);
        if (!keys.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    Thread.ofVirtual().name("files-release").start(() -> blobs.sweep(keys));
                }
            });
        }
    }
}
