package ru.parta.files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.parta.database.ClusterJobs;

/**
 * Removes what nobody needs any more: unfinished uploads (and finished files never attached) past their expiry, with
 * their stored chunks (deleted with the row), and blobs with no references (normally removed right after the deleting
 * transaction; this catches the rest).
 *
 * <p>Once per cluster and interval: every node's scheduler fires, {@link ClusterJobs} lets one of them run it. Each
 * removal is its own transaction and checks again under the row lock, so a run overlapping a late one is harmless.
 */
@Component
class FileJanitor {

    private static final Logger log = LoggerFactory.getLogger(FileJanitor.class);

    private final FileRecords files;
    private final Blobs blobs;
    private final TransactionTemplate tx;
    private final ClusterJobs jobs;
    private final long intervalMillis;

    FileJanitor(FileRecords files, Blobs blobs, TransactionTemplate tx, ClusterJobs jobs, FilesProperties properties) {
        this.files = files;
        this.blobs = blobs;
        this.tx = tx;
        this.jobs = jobs;
        this.intervalMillis = Math.max(1, properties.janitorInterval().toMillis());
    }

    @Scheduled(
            fixedDelayString = "${parta.files.janitor-interval:10m}",
            initialDelayString = "${parta.files.janitor-interval:10m}")
    void scheduled() {
        jobs.runOnce("files-janitor", String.valueOf(System.currentTimeMillis() / intervalMillis), this::run);
    }

    /** One round, on this node, whatever the others do. */
    void run() {
        try {
            int expired = removeExpired();
            int swept = blobs.sweep(blobs.unreferenced(1000));
            if (expired + swept > 0) {
                log.info("Files janitor removed {} expired uploads and {} unreferenced blobs", expired, swept);
            }
        } catch (RuntimeException e) {
            log.warn("Files janitor failed; it tries again next round", e);
        }
    }

    int removeExpired() {
        int removed = 0;
        for (long id : files.expired(1000)) {
            var row = tx.execute(s -> {
                var r = files.deleteExpired(id);
                r.ifPresent(f -> {
                    if (f.blob() != null) {
                        blobs.release(f.blob());
                    }
                    if (f.thumbnailBlob() != null) {
                        blobs.release(f.thumbnailBlob());
                    }
                });
                return r;
            });
            if (row != null && row.isPresent()) {
                removed++;
            }
        }
        return removed;
    }
}
