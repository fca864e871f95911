package ru.parta.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import ru.parta.support.IntegrationTest;

/** The reference-count protocol under contention: whoever holds a reference always finds the bytes. */
@IntegrationTest
class BlobsIntegrationTests {

    @Autowired
    Blobs blobs;

    @Autowired
    LocalBlobStore store;

    @Autowired
    TransactionTemplate tx;

    @TempDir
    Path dir;

    @Test
    void concurrentReferencesAndSweepsNeverLoseBytesThatAreReferenced() throws Exception {
        byte[] content = new byte[4096];
        new Random(99).nextBytes(content);
        Path sample = dir.resolve("sample");
        Files.write(sample, content);
        String key = Uploads.sha256(sample);
        var failures = new ConcurrentLinkedQueue<String>();
        int threads = 4;
        var done = new CountDownLatch(threads);
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                pool.submit(() -> {
                    try {
                        for (int i = 0; i < 25; i++) {
                            Path source = dir.resolve("src-" + thread + "-" + i);
                            Files.write(source, content);
                            tx.executeWithoutResult(s -> {
                                try {
                                    blobs.acquire(key, content.length, source);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
                            // holding a reference: the bytes must be there, whole
                            if (!store.exists(key)
                                    || !java.util.Arrays.equals(Files.readAllBytes(store.path(key)), content)) {
                                failures.add("referenced blob missing in thread " + thread + " round " + i);
                            }
                            tx.executeWithoutResult(s -> blobs.release(key));
                            blobs.sweep(List.of(key));
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    } finally {
                        done.countDown();
                    }
                });
            }
            assertThat(done.await(120, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(failures).isEmpty();
        blobs.sweep(List.of(key));
        assertThat(blobs.refs(key)).isNull();
        assertThat(store.exists(key)).isFalse();
    }
}
