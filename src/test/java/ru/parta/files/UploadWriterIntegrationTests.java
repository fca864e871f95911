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
 * The bytes so far live in {@code upload_chunks}: a chunk is stored whole (as pieces of at most a mebibyte) or not at
 * all, and finishing streams the pieces in order into the blob store and deletes them.
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

    @Test
    void storesAChunkAsPiecesWithTheNewOffsetAndFinishesFromThemInOrder() {
        var owner = api.newUser("Большой файл");
        long chat = api.group(owner, "Крупные загрузки");
        var client = new FileClient(api);
        byte[] content = new byte[UploadChunks.PIECE * 2 + UploadChunks.PIECE / 2 + 7];
        new java.util.Random(11).nextBytes(content);
        content[0] = 0x42;
        long id = client.start(owner, chat, "большой.bin", content.length)
                .json()
                .get("id")
                .asLong();
        int first = UploadChunks.PIECE * 2 + 3;
        var half = client.chunk(owner, id, 0, java.util.Arrays.copyOfRange(content, 0, first));
        assertThat(half.status()).isEqualTo(200);
        assertThat(half.json().get("offset").asLong()).isEqualTo(first);
        assertThat(pieces(id))
                .as("a chunk over a mebibyte is stored as pieces keyed by their offset")
                .containsExactly(0L, (long) UploadChunks.PIECE, 2L * UploadChunks.PIECE);

        var refused = client.chunk(owner, id, first, new byte[content.length - first + 1]);
        assertThat(refused.code()).isEqualTo("CHUNK_BEYOND_SIZE");
        assertThat(pieces(id)).as("a refused chunk leaves nothing").hasSize(3);

        var done = client.chunk(owner, id, first, java.util.Arrays.copyOfRange(content, first, content.length));
        assertThat(done.json().get("state").asString()).isEqualTo("READY");
        assertThat(pieces(id)).as("the finished file's pieces are gone").isEmpty();
        assertThat(client.get(owner, "/api/v1/files/" + id).body()).isEqualTo(content);
    }

    @Test
    void aDeletedUploadTakesItsStoredChunksWithIt() {
        var owner = api.newUser("Передумавший");
        long chat = api.group(owner, "Отменённые загрузки");
        var client = new FileClient(api);
        long id =
                client.start(owner, chat, "черновик.bin", 1000).json().get("id").asLong();
        assertThat(client.chunk(owner, id, 0, new byte[400]).status()).isEqualTo(200);
        assertThat(pieces(id)).hasSize(1);
        jdbc.sql("delete from files where id = ?").param(id).update();
        assertThat(pieces(id)).isEmpty();
    }

    private java.util.List<Long> pieces(long id) {
        return jdbc.sql("select start_offset from upload_chunks where upload_id = ? order by start_offset")
                .param(id)
                .query(Long.class)
                .list();
    }
}
