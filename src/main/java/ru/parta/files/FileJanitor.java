package ru.parta.files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes what nobody needs any more: unfinished uploads (and finished files never attached) past their expiry, and
 * blobs with no references (normally removed right after the deleting transaction; this catches the rest).
 */
@Component
class FileJanitor {

    private static final Logger log = LoggerFactory.getLogger(FileJanitor.class);

    private final FileRecords files;
    private final Blobs blobs;
    private final Uploads uploads;
    private final TransactionTemplate tx;

    FileJanitor(FileRecords files, Blobs blobs, Uploads uploads, TransactionTemplate tx) {
        this.files = files;
        this.blobs = blobs;
        this.uploads = uploads;
        this.tx = tx;
    }

    @Scheduled(
            fixedDelayString = "${parta.files.janitor-interval:10m}",
            initialDelayString = "${parta.files.janitor-interval:10m}")
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
                uploads.discardPartial(id);
                removed++;
            }
        }
        return removed;
    }
}
