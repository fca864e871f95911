package ru.parta.files;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param dir where the local blob store keeps blobs, unfinished uploads and temporary files
 * @param store {@code local} (blobs under {@code dir}) or {@code s3} (an S3-compatible bucket, see {@link S3Properties})
 * @param maxSize largest file accepted
 * @param quotaPerUser storage one uploader may use, counting unfinished uploads at their declared size
 * @param quotaPerSchool storage the files of one school's chats may use (see {@code FileRecords#schoolOf}), counted
 *     the same way
 * @param chunkSize chunk size suggested to clients (any chunk size is accepted)
 * @param uploadExpiry how long an unfinished upload, or a finished one not attached to a message, is kept
 * @param janitorInterval how often expired uploads and unreferenced blobs are removed
 * @param maxImagePixels images with more pixels are refused before decoding
 */
@Validated
@ConfigurationProperties("parta.files")
public record FilesProperties(
        @DefaultValue("./data/files") @NotNull Path dir,
        @DefaultValue("local") @Pattern(regexp = "local|s3") String store,
        @DefaultValue("100MB") DataSize maxSize,
        @DefaultValue("1GB") DataSize quotaPerUser,
        @DefaultValue("50GB") DataSize quotaPerSchool,
        @DefaultValue("4MB") DataSize chunkSize,
        @DefaultValue("24h") Duration uploadExpiry,
        @DefaultValue("10m") Duration janitorInterval,
        @DefaultValue("40000000") long maxImagePixels,

        @DefaultValue("60") @jakarta.validation.constraints.Min(1)
        int uploadStartsPerMinute) {}
