package ru.parta.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reference counts of blobs ({@code blobs} table) kept together with the bytes in the {@link BlobStore}.
 *
 * <p>Invariant: a blob's bytes are written only while its row is locked by the incrementing transaction, and removed
 * only while the row with zero references is locked by the deleting one. So a new reference either finds the row
 * (and the bytes) or waits until the removal has committed and then writes the bytes again.
 */
@Component
class Blobs {

    private final JdbcClient jdbc;
    private final BlobStore store;
    private final TransactionTemplate tx;

    Blobs(JdbcClient jdbc, BlobStore store, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.store = store;
        this.tx = tx;
    }

    /** Adds a reference to the content, storing the bytes if they are new; inside the caller's transaction. */
    void acquire(String sha256, long size, Path source) throws IOException {
        jdbc.sql("""
                        insert into blobs (sha256, size, refs) values (?, ?, 1)
                        on conflict (sha256) do update set refs = blobs.refs + 1
                        """).params(sha256, size).update();
        if (store.exists(sha256)) {
            java.nio.file.Files.deleteIfExists(source);
        } else {
            store.put(sha256, source);
        }
    }

    /** Drops one reference; inside the caller's transaction. The blob is removed by {@link #sweep}. */
    void release(String sha256) {
        jdbc.sql("update blobs set refs = refs - 1 where sha256 = ? and refs > 0")
                .param(sha256)
                .update();
    }

    /** Removes the given blobs if nothing references them; each in its own transaction. Returns how many went. */
    int sweep(List<String> keys) {
        int removed = 0;
        for (String key : keys) {
            Boolean gone = tx.execute(s -> {
                int deleted = jdbc.sql("delete from blobs where sha256 = ? and refs = 0")
                        .param(key)
                        .update();
                if (deleted == 1) {
                    try {
                        store.delete(key);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return deleted == 1;
            });
            removed += Boolean.TRUE.equals(gone) ? 1 : 0;
        }
        return removed;
    }

    List<String> unreferenced(int limit) {
        return jdbc.sql("select sha256 from blobs where refs = 0 limit ?")
                .param(limit)
                .query(String.class)
                .list();
    }

    long size(String sha256) {
        return jdbc.sql("select size from blobs where sha256 = ?")
                .param(sha256)
                .query(Long.class)
                .single();
    }

    Integer refs(String sha256) {
        return jdbc.sql("select refs from blobs where sha256 = ?")
                .param(sha256)
                .query(Integer.class)
                .optional()
                .orElse(null);
    }
}
