package ru.parta.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs in an S3-compatible bucket (AWS SDK v2) at {@code <prefix>ab/cd/abcd…}. An S3 PUT is atomic: a blob is either
 * there whole or not at all. Reference counts stay in the database as for the local store.
 */
class S3BlobStore implements BlobStore {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3BlobStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
    }

    String objectKey(String sha256) {
        if (sha256 == null || !KEY.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 key");
        }
        return prefix + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }

    @Override
    public void put(String sha256, Path source) throws IOException {
        try {
            if (!exists(sha256)) {
                s3.putObject(
                        PutObjectRequest.builder()
                                .bucket(bucket)
                                .key(objectKey(sha256))
                                .contentType("application/octet-stream")
                                .build(),
                        RequestBody.fromFile(source));
            }
        } catch (SdkException e) {
            throw new IOException("S3 put failed", e);
        }
        Files.deleteIfExists(source);
    }

    @Override
    public boolean exists(String sha256) {
        try {
            s3.headObject(HeadObjectRequest.builder()
                    .bucket(bucket)
                    .key(objectKey(sha256))
                    .build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public InputStream open(String sha256, long offset) throws IOException {
        var request = GetObjectRequest.builder().bucket(bucket).key(objectKey(sha256));
        if (offset > 0) {
            request.range("bytes=" + offset + "-");
        }
        try {
            return s3.getObject(request.build());
        } catch (SdkException e) {
            throw new IOException("S3 get failed", e);
        }
    }

    @Override
    public void delete(String sha256) throws IOException {
        try {
            s3.deleteObject(DeleteObjectRequest.builder()
                    .bucket(bucket)
                    .key(objectKey(sha256))
                    .build());
        } catch (SdkException e) {
            throw new IOException("S3 delete failed", e);
        }
    }
}
