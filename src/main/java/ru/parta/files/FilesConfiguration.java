package ru.parta.files;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Chooses the blob store: {@code parta.files.store=local} (default) or {@code s3}. */
@Configuration(proxyBeanMethods = false)
class FilesConfiguration {

    @Bean
    @ConditionalOnProperty(name = "parta.files.store", havingValue = "local", matchIfMissing = true)
    LocalBlobStore localBlobStore(FilesProperties properties) throws java.io.IOException {
        return new LocalBlobStore(properties);
    }

    @Bean
    @ConditionalOnProperty(name = "parta.files.store", havingValue = "s3")
    S3BlobStore s3BlobStore(S3Properties properties) {
        return new S3BlobStore(s3Client(properties), properties.bucket(), properties.prefix());
    }

    static S3Client s3Client(S3Properties p) {
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(p.region()))
                .forcePathStyle(p.pathStyle())
                // S3-compatible servers do not all understand the newer default checksum trailers
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(
                        p.accessKey() == null || p.accessKey().isBlank()
                                ? DefaultCredentialsProvider.builder().build()
                                : StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(p.accessKey(), p.secretKey())));
        if (p.endpoint() != null) {
            builder.endpointOverride(p.endpoint());
        }
        return builder.build();
    }
}
