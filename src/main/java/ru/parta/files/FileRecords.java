package ru.parta.files;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code files} table. */
@Repository
class FileRecords {

    private final JdbcClient jdbc;

    FileRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(
            long chatId,
            long uploaderId,
            Long schoolId,
            String fileName,
            long size,
            List<Integer> levels,
            Instant expiresAt) {
        return jdbc.sql("""
                        insert into files (chat_id, uploader_id, school_id, file_name, size, levels, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        chatId,
                        uploaderId,
                        schoolId,
                        fileName,
                        size,
                        levels == null ? null : levels.toArray(Integer[]::new),
                        java.sql.Timestamp.from(expiresAt))
                .query(Long.class)
                .single();
    }

    /**
     * The school whose quota a file for this chat counts against: the school above the chat's generated unit, else
     * the school of the uploader's (oldest active) roster entry; null when neither is a school (a department's chat,
     * an account nobody rostered).
     */
    Long schoolOf(long chatId, long uploaderId) {
        return jdbc.sql("""
                        with recursive up(id, kind, parent_id, depth) as (
                            select u.id, u.kind, u.parent_id, 0 from units u
                            where u.id = coalesce(
                                (select generated_unit_id from chats where id = :chat),
                                (select home_unit_id from people where user_id = :user and archived_at is null
                                 order by id limit 1))
                            union all
                            select p.id, p.kind, p.parent_id, up.depth + 1 from up join units p on p.id = up.parent_id
                            where up.kind not in ('SCHOOL', 'DEPARTMENT', 'REGION'))
                        select id from up where kind = 'SCHOOL' order by depth limit 1
                        """)
                .param("chat", chatId)
                .param("user", uploaderId)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** Serialises quota checks of one school until the transaction ends (taken after the uploader's lock). */
    void lockSchool(long schoolId) {
        jdbc.sql("select pg_advisory_xact_lock(7353, ?)")
                .param((int) schoolId)
                .query(Object.class)
                .single();
    }

    /** Bytes the school's files hold, counted like {@link #usage}. */
    long schoolUsage(long schoolId) {
        return jdbc.sql("""
                        select coalesce(sum(coalesce(stored_size, size)), 0) from files
                        where school_id = ? and state <> 'RELEASED'
                        """).param(schoolId).query(Long.class).single();
    }

    Optional<FileRow> find(long id) {
        return jdbc.sql("select * from files where id = ?")
                .param(id)
                .query(FileRow::map)
                .optional();
    }

    /** Serialises quota checks of one uploader until the transaction ends. */
    void lockUploader(long uploaderId) {
        jdbc.sql("select pg_advisory_xact_lock(7352, ?)")
                .param((int) uploaderId)
                .query(Object.class)
                .single();
    }

    /** Bytes the uploader holds: finished files at their stored size, unfinished ones at their declared size. */
    long usage(long uploaderId) {
        return jdbc.sql("""
                        select coalesce(sum(coalesce(stored_size, size)), 0) from files
                        where uploader_id = ? and state <> 'RELEASED'
                        """).param(uploaderId).query(Long.class).single();
    }

    /**
     * Takes the upload's writer lease if nobody holds it (or the holder's ran out); false when another chunk, on any
     * node, is being written.
     */
    boolean claimWriter(long id, java.time.Duration lease) {
        return jdbc.sql("""
                        update files set writer_until = now() + make_interval(secs => ?)
                        where id = ? and (writer_until is null or writer_until < now())
                        """).params(lease.toSeconds(), id).update() == 1;
    }

    void releaseWriter(long id) {
        jdbc.sql("update files set writer_until = null where id = ?").param(id).update();
    }

    boolean advance(long id, long from, long to, Instant expiresAt) {
        return jdbc.sql("""
                        update files set received = ?, updated_at = now(), expires_at = ?
                        where id = ? and state = 'UPLOADING' and received = ?
                        """)
                        .params(to, java.sql.Timestamp.from(expiresAt), id, from)
                        .update()
                == 1;
    }

    boolean ready(
            long id,
            String contentType,
            long storedSize,
            String blob,
            String thumbnailBlob,
            Integer width,
            Integer height,
            Long durationMs,
            Instant expiresAt) {
        return jdbc.sql("""
                        update files set state = 'READY', content_type = ?, stored_size = ?, blob = ?, thumbnail_blob = ?,
                               width = ?, height = ?, duration_ms = ?, updated_at = now(), expires_at = ?,
                               levels = case when ?::bigint is null then null else levels end
                        where id = ? and state = 'UPLOADING'
                        """)
                        .params(
                                contentType,
                                storedSize,
                                blob,
                                thumbnailBlob,
                                width,
                                height,
                                durationMs,
                                java.sql.Timestamp.from(expiresAt),
                                durationMs,
                                id)
                        .update()
                == 1;
    }

    void delete(long id) {
        jdbc.sql("delete from files where id = ?").param(id).update();
    }

    /** Attaches finished, unattached files of the sender made for the chat; returns how many were attached. */
    int attach(long messageId, long chatId, long senderId, List<Long> ids) {
        return jdbc.sql("""
                        update files set message_id = ?, updated_at = now()
                        where id = any(?) and chat_id = ? and uploader_id = ? and state = 'READY' and message_id is null
                        """)
                .params(messageId, ids.toArray(Long[]::new), chatId, senderId)
                .update();
    }

    List<FileRow> ofMessages(List<Long> messageIds) {
        return jdbc.sql("select * from files where message_id = any(?) and state = 'READY' order by message_id, id")
                .param(messageIds.toArray(Long[]::new))
                .query(FileRow::map)
                .list();
    }

    /** Marks the message's files released and detaches their blobs; returns the blob keys that lost a reference. */
    List<String> release(long messageId) {
        return jdbc
                .sql("""
                        with f as (select id, blob, thumbnail_blob from files
                                   where message_id = ? and state = 'READY' for update)
                        update files set state = 'RELEASED', blob = null, thumbnail_blob = null, updated_at = now()
                        from f where files.id = f.id
                        returning f.blob, f.thumbnail_blob
                        """)
                .param(messageId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list()
                .stream()
                .flatMap(java.util.Arrays::stream)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** Unfinished uploads, and finished files never attached, whose time is up. */
    List<Long> expired(int limit) {
        return jdbc.sql("""
                        select id from files where expires_at < now() and message_id is null and state <> 'RELEASED'
                        order by expires_at limit ?
                        """).param(limit).query(Long.class).list();
    }

    /** Locks and deletes an expired row; its blob keys (if it was finished), or empty if it is no longer expired. */
    Optional<FileRow> deleteExpired(long id) {
        var row = jdbc.sql("""
                        select * from files where id = ? and expires_at < now() and message_id is null
                          and state <> 'RELEASED' for update
                        """).param(id).query(FileRow::map).optional();
        row.ifPresent(r -> delete(r.id()));
        return row;
    }
}
