package ru.parta.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 blob store against s3proxy, an S3 server on an in-memory store. */
class S3BlobStoreTests {

    private static BlobStoreContext context;
    private static S3Proxy proxy;
    private static S3BlobStore store;

    @TempDir
    Path dir;

    @BeforeAll
    static void startS3() throws Exception {
        context = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential")
                .build(BlobStoreContext.class);
        context.getBlobStore().createContainerInLocation(null, "parta-test");
        proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "access", "secret")
                .build();
        proxy.start();
        await().until(() -> "STARTED".equals(proxy.getState()));
        var properties = new S3Properties(
                URI.create("http://127.0.0.1:" + proxy.getPort()),
                "us-east-1",
                "parta-test",
                "blobs/",
                "access",
                "secret",
                true);
        store = new S3BlobStore(FilesConfiguration.s3Client(properties), "parta-test", "blobs/");
    }

    @AfterAll
    static void stopS3() throws Exception {
        proxy.stop();
        context.close();
    }

    @Test
    void storesReadsFromAnOffsetDeduplicatesAndDeletes() throws IOException {
        byte[] content = new byte[200_000];
        new Random(11).nextBytes(content);
        Path source = dir.resolve("content");
        Files.write(source, content);
        String key = Uploads.sha256(source);

        assertThat(store.exists(key)).isFalse();
        store.put(key, source);
        assertThat(source).doesNotExist();
        assertThat(store.exists(key)).isTrue();
        assertThat(context.getBlobStore().blobExists("parta-test", store.objectKey(key)))
                .isTrue();
        assertThat(store.objectKey(key)).startsWith("blobs/" + key.substring(0, 2) + "/");

        try (InputStream in = store.open(key, 0)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        try (InputStream in = store.open(key, 150_000)) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(content, 150_000, 200_000));
        }

        // the same content again: nothing is uploaded twice, the source is consumed
        Path again = dir.resolve("again");
        Files.write(again, content);
        store.put(key, again);
        assertThat(again).doesNotExist();

        store.delete(key);
        assertThat(store.exists(key)).isFalse();
        store.delete(key);
    }
}
