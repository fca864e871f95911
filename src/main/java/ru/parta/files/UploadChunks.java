package ru.parta.files;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.parta.shared.ApiException;

/**
 * The bytes of unfinished uploads, in PostgreSQL ({@code upload_chunks}), so that any node of a cluster can take an
 * upload's next chunk or finish it. A chunk is stored as pieces of at most {@link #PIECE} bytes keyed by their offset
 * in the file, inside the transaction that advances the upload's offset: a chunk is stored whole or not at all. The
 * rows go with their upload's row ({@code on delete cascade}: refusal, expiry, erasure) and are deleted when the
 * finished file moves into the blob store.
 *
 * <p>A chunk's body is first received into a temporary file ({@link #receive}), so the transaction that stores it is
 * short however slow the client. Memory: one piece at a time is on the heap, whatever the chunk or file size.
 *
 * <p>Hazard: the caller must hold the upload's writer lease and append only at the offset it has just advanced from
 * under the row lock ({@code FileRecords#advance}); the primary key refuses a second writer only at insert time.
 */
@Repository
class UploadChunks {

    /** Largest piece stored in one row. */
    static final int PIECE = 1024 * 1024;

    private final JdbcClient jdbc;

    UploadChunks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads one chunk's body into a temporary file; refuses (and keeps nothing of) a body too long or cut short. */
    static long receive(Path chunk, long remaining, long declaredLength, InputStream body) throws IOException {
        try (var out = Files.newOutputStream(chunk)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            try {
                int n;
                while ((n = body.read(buffer)) > 0) {
                    total += n;
                    if (total > remaining) {
                        throw ApiException.badRequest("CHUNK_BEYOND_SIZE", remaining);
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                throw ApiException.badRequest("CHUNK_INCOMPLETE");
            }
            if (declaredLength >= 0 && total != declaredLength) {
                throw ApiException.badRequest("CHUNK_INCOMPLETE");
            }
            return total;
        }
    }

    /** Stores the first {@code length} bytes of {@code source} at file offset {@code from}; in the caller's transaction. */
    void append(long uploadId, long from, Path source, long length) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            long offset = from;
            long end = from + length;
            while (offset < end) {
                byte[] piece = in.readNBytes((int) Math.min(PIECE, end - offset));
                if (piece.length == 0) {
                    throw new EOFException("chunk file shorter than " + length);
                }
                jdbc.sql("insert into upload_chunks (upload_id, start_offset, data) values (?, ?, ?)")
                        .params(uploadId, offset, piece)
                        .update();
                offset += piece.length;
            }
        }
    }

    /**
     * Writes the upload's bytes to {@code out} in order, one piece in memory at a time, and returns how many there
     * were. Stops at the first gap, so a caller comparing the count with the file's size notices a missing piece.
     */
    long copy(long uploadId, OutputStream out) throws IOException {
        long offset = 0;
        while (true) {
            byte[] piece = jdbc.sql("select data from upload_chunks where upload_id = ? and start_offset = ?")
                    .params(uploadId, offset)
                    .query((rs, n) -> rs.getBytes(1))
                    .optional()
                    .orElse(null);
            if (piece == null) {
                return offset;
            }
            out.write(piece);
            offset += piece.length;
        }
    }

    /** Bytes stored for the upload. */
    long stored(long uploadId) {
        return jdbc.sql("select coalesce(sum(length(data)), 0) from upload_chunks where upload_id = ?")
                .param(uploadId)
                .query(Long.class)
                .single();
    }

    /** Deletes the upload's pieces; in the caller's transaction. */
    void delete(long uploadId) {
        jdbc.sql("delete from upload_chunks where upload_id = ?")
                .param(uploadId)
                .update();
    }
}
