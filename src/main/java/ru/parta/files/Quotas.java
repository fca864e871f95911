package ru.parta.files;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import ru.parta.shared.ApiException;

/**
 * Storage quotas, checked when an upload is declared: the uploader's ({@code parta.files.quota-per-user}) and the
 * school's ({@code parta.files.quota-per-school}, over the files of the school's chats, see
 * {@link FileRecords#schoolOf}). Unfinished uploads count at their declared size, so a quota can never be overrun by
 * uploads running side by side.
 *
 * <p>Must run inside the transaction that inserts the upload: the advisory locks it takes (uploader first, then
 * school, always in that order, so two uploads never wait for each other crosswise) serialise the check with the
 * insert until commit.
 */
@Component
class Quotas {

    private static final long MB = 1024 * 1024;

    private final FileRecords files;
    private final FilesProperties properties;

    Quotas(FileRecords files, FilesProperties properties) {
        this.files = files;
        this.properties = properties;
    }

    /** Refuses with 413 if {@code size} more bytes would exceed a quota; returns the school counted (or null). */
    Long reserve(long uploaderId, long chatId, long size) {
        files.lockUploader(uploaderId);
        long perUser = properties.quotaPerUser().toBytes();
        if (files.usage(uploaderId) + size > perUser) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "QUOTA_EXCEEDED", perUser / MB);
        }
        Long school = files.schoolOf(chatId, uploaderId);
        if (school != null) {
            files.lockSchool(school);
            long perSchool = properties.quotaPerSchool().toBytes();
            if (files.schoolUsage(school) + size > perSchool) {
                throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "SCHOOL_QUOTA_EXCEEDED", perSchool / MB);
            }
        }
        return school;
    }
}
