package ru.parta.chats;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A file attached to a message, as clients see it. Download it at {@code /api/v1/files/{id}} (and its preview at
 * {@code /api/v1/files/{id}/thumbnail} when {@code thumbnail} is true). Width and height are set for images, the
 * duration (and, when known, a coarse level summary 0..100) for voice recordings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttachmentView(
        long id,
        long messageId,
        String fileName,
        String contentType,
        long size,
        Integer width,
        Integer height,
        Long durationMs,
        List<Integer> levels,
        boolean thumbnail) {}
