package ru.parta.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

/**
 * One chunk per upload at a time, whichever node receives it: the writer's lease lives on the upload's row, so a
 * second chunk arriving while the first is still streaming is refused, and the upload goes on once the first is done.
 */
@IntegrationTest
class UploadWriterIntegrationTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Uploads uploads;

    @Test
    void refusesASecondChunkWhileTheFirstIsStillBeingWrittenAndResumesAfterIt() throws Exception {
        var owner = api.newUser("Загружающий");
        long chat = api.group(owner, "Загрузки", api.newUser("Получатель"));
        var client = new FileClient(api);
        long id = client.start(owner, chat, "заметки.txt", 8).json().get("id").asLong();
        var firstHalfSent = new CountDownLatch(1);
        var finish = new CountDownLatch(1);
        byte[] content = "абвг".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // hands out the first half at once, then stalls like a phone on a failing link until the test lets it go on
        InputStream slowBody = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (sent == content.length) {
                    return -1;
                }
                if (sent == 4) {
                    firstHalfSent.countDown();
                    try {
                        finish.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                int n = Math.min(len, (sent < 4 ? 4 : content.length) - sent);
                System.arraycopy(content, sent, b, off, n);
                sent += n;
                return n;
            }
        };
        var slow = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> uploads.append(owner.userId(), id, 0L, content.length, slowBody));
        assertThat(firstHalfSent.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(jdbc.sql("select writer_until is not null from files where id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .as("the writer holds the lease while it reads the chunk")
                .isTrue();

        var second = client.chunk(owner, id, 0, content);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("UPLOAD_BUSY");

        finish.countDown();
        FileRow done = slow.get(60, TimeUnit.SECONDS);
        assertThat(done.received()).isEqualTo(content.length);
        assertThat(jdbc.sql("select writer_until is null from files where id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .as("the lease is given back")
                .isTrue();
    }
}
