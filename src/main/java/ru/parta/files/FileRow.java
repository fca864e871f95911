package ru.parta.files;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import ru.parta.chats.AttachmentView;

/** One row of {@code files}: an upload in progress, a finished file, or a released one. */
record FileRow(
        long id,
        long chatId,
        long uploaderId,
        String fileName,
        long size,
        long received,
        String state,
        String contentType,
        Long storedSize,
        String blob,
        String thumbnailBlob,
        Integer width,
        Integer height,
        Long durationMs,
        List<Integer> levels,
        Long messageId) {

    boolean uploading() {
        return "UPLOADING".equals(state);
    }

    boolean ready() {
        return "READY".equals(state);
    }

    AttachmentView view() {
        return new AttachmentView(
                id,
                messageId == null ? 0 : messageId,
                fileName,
                contentType,
                storedSize == null ? size : storedSize,
                width,
                height,
                durationMs,
                levels,
                thumbnailBlob != null);
    }

    static FileRow map(ResultSet rs, int n) throws SQLException {
        return new FileRow(
                rs.getLong("id"),
                rs.getLong("chat_id"),
                rs.getLong("uploader_id"),
                rs.getString("file_name"),
                rs.getLong("size"),
                rs.getLong("received"),
                rs.getString("state"),
                rs.getString("content_type"),
                rs.getObject("stored_size", Long.class),
                rs.getString("blob"),
                rs.getString("thumbnail_blob"),
                rs.getObject("width", Integer.class),
                rs.getObject("height", Integer.class),
                rs.getObject("duration_ms", Long.class),
                ints(rs.getArray("levels")),
                rs.getObject("message_id", Long.class));
    }

    private static List<Integer> ints(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((Integer[]) array.getArray());
    }
}
