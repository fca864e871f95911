package ru.parta.files;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The S3-compatible blob store, used when {@code parta.files.store=s3}.
 *
 * @param endpoint the S3 endpoint (MinIO, Ceph, a cloud's S3); empty for AWS itself
 * @param region the region (any value for most S3-compatible servers)
 * @param bucket the bucket, which must exist
 * @param prefix prepended to every object key
 * @param accessKey access key; empty to use the SDK's default credentials chain
 * @param secretKey secret key
 * @param pathStyle path-style addressing ({@code endpoint/bucket/key}), which most self-hosted servers need
 */
@ConfigurationProperties("parta.files.s3")
public record S3Properties(
        URI endpoint,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("parta") String bucket,
        @DefaultValue("") String prefix,
        String accessKey,
        String secretKey,
        @DefaultValue("true") boolean pathStyle) {}
