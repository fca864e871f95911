package ru.parta.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

@IntegrationTest
class FilesIntegrationTests {

    @Autowired
    Api api;

    @Autowired
    FileRecords files;

    @Autowired
    UploadChunks chunks;

    @Autowired
    FileJanitor janitor;

    @Autowired
    JdbcClient jdbc;

    FileClient client;

    @BeforeEach
    void setUp() {
        client = new FileClient(api);
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        bytes[0] = 0x42; // no accidental magic number
        return bytes;
    }

    @Test
    void uploadsInChunksResumesAfterAnInterruptionAndDownloadsTheSameBytes() {
        var a = api.newUser("Загружающий");
        long chat = api.group(a, "Файлы");
        byte[] content = random(300_000, 1);

        var started = client.start(a, chat, "данные.bin", content.length);
        assertThat(started.status()).isEqualTo(201);
        assertThat(started.json().get("offset").asLong()).isZero();
        assertThat(started.json().get("chunkSize").asLong()).isPositive();
        long id = started.json().get("id").asLong();

        var first = client.chunk(a, id, 0, Arrays.copyOfRange(content, 0, 100_000));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("offset").asLong()).isEqualTo(100_000);
        // the connection drops here; the client asks where to go on
        var status = api.get(a, "/api/v1/uploads/" + id);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("offset").asLong()).isEqualTo(100_000);
        assertThat(status.json().get("state").asString()).isEqualTo("UPLOADING");

        var wrong = client.chunk(a, id, 0, Arrays.copyOfRange(content, 0, 100_000));
        assertThat(wrong.status()).isEqualTo(409);
        assertThat(wrong.code()).isEqualTo("UPLOAD_OFFSET_MISMATCH");
        assertThat(wrong.json().get("offset").asLong()).isEqualTo(100_000);

        var beyond = client.chunk(a, id, 100_000, new byte[200_001]);
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.code()).isEqualTo("CHUNK_BEYOND_SIZE");
        assertThat(api.get(a, "/api/v1/uploads/" + id).json().get("offset").asLong())
                .isEqualTo(100_000);

        assertThat(client.chunk(a, id, 100_000, Arrays.copyOfRange(content, 100_000, 200_000))
                        .status())
                .isEqualTo(200);
        var done = client.chunk(a, id, 200_000, Arrays.copyOfRange(content, 200_000, 300_000));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("state").asString()).isEqualTo("READY");
        assertThat(done.json().get("file").get("contentType").asString()).isEqualTo("application/octet-stream");
        assertThat(done.json().get("file").get("size").asLong()).isEqualTo(300_000);
        assertThat(client.chunk(a, id, 300_000, new byte[1]).code()).isEqualTo("UPLOAD_COMPLETE");

        var download = client.get(a, "/api/v1/files/" + id);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        assertThat(download.header("Content-Disposition")).contains("filename*=UTF-8''");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Content-Security-Policy")).isEqualTo("default-src 'none'; sandbox");
        assertThat(download.header("Cache-Control")).startsWith("private");
        assertThat(download.header("ETag")).isNotBlank();
        assertThat(chunks.stored(id)).as("no chunk rows are left").isZero();
    }

    @Test
    void servesByteRangesAndAnswersUnchangedFilesWith304() {
        var a = api.newUser("Диапазон");
        long chat = api.group(a, "Диапазоны");
        byte[] content = random(10_000, 2);
        long id = client.uploaded(a, chat, "range.bin", content).get("id").asLong();

        var part = client.get(a, "/api/v1/files/" + id, "Range", "bytes=100-199");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 100-199/10000");
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(content, 100, 200));

        var tail = client.get(a, "/api/v1/files/" + id, "Range", "bytes=-10");
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(content, 9_990, 10_000));

        var open = client.get(a, "/api/v1/files/" + id, "Range", "bytes=9000-");
        assertThat(open.status()).isEqualTo(206);
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(content, 9_000, 10_000));

        var unsatisfiable = client.get(a, "/api/v1/files/" + id, "Range", "bytes=10000-");
        assertThat(unsatisfiable.status()).isEqualTo(416);
        assertThat(unsatisfiable.header("Content-Range")).isEqualTo("bytes */10000");

        String etag = client.get(a, "/api/v1/files/" + id).header("ETag");
        var cached = client.get(a, "/api/v1/files/" + id, "If-None-Match", etag);
        assertThat(cached.status()).isEqualTo(304);
        assertThat(cached.body()).isEmpty();
        assertThat(client.get(a, "/api/v1/files/" + id, "If-None-Match", "\"other\"")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void onlyMembersUploadAndDownloadAndOnlyTheUploaderContinues() {
        var a = api.newUser("Автор");
        var b = api.newUser("Участник");
        var outsider = api.newUser("Чужой");
        long chat = api.group(a, "Закрытый", b);

        assertThat(client.start(outsider, chat, "x.bin", 10).status()).isEqualTo(404);
        assertThat(client.start(outsider, chat, "x.bin", 10).code()).isEqualTo("CHAT_NOT_FOUND");

        var started = client.start(a, chat, "x.bin", 10);
        long pending = started.json().get("id").asLong();
        assertThat(client.chunk(b, pending, 0, new byte[10]).status()).isEqualTo(404);
        assertThat(api.get(b, "/api/v1/uploads/" + pending).status()).isEqualTo(404);
        assertThat(api.get(outsider, "/api/v1/uploads/" + pending).status()).isEqualTo(404);

        long id = client.uploaded(a, chat, "secret.bin", random(1000, 3))
                .get("id")
                .asLong();
        // not attached yet: only the uploader sees it
        assertThat(client.get(b, "/api/v1/files/" + id).status()).isEqualTo(404);
        var sent = api.post(
                a,
                "/api/v1/chats/" + chat + "/messages",
                Map.of("clientId", "perm-1", "text", "", "attachments", java.util.List.of(id)));
        assertThat(sent.status()).isEqualTo(201);
        assertThat(client.get(b, "/api/v1/files/" + id).status()).isEqualTo(200);
        var refused = client.get(outsider, "/api/v1/files/" + id);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(client.get(outsider, "/api/v1/files/" + id + "/thumbnail").status())
                .isEqualTo(404);
        assertThat(client.get(a, "/api/v1/files/999999999").status()).isEqualTo(404);

        // a member who may not post (a channel's reader) may not upload either
        var channel = api.post(
                a,
                "/api/v1/chats",
                Map.of("kind", "CHANNEL", "title", "Объявления", "members", java.util.List.of(b.userId())));
        long channelId = channel.json().get("id").asLong();
        var reader = client.start(b, channelId, "x.bin", 10);
        assertThat(reader.status()).isEqualTo(403);
        assertThat(reader.code()).isEqualTo("POSTING_NOT_ALLOWED");
    }

    @Test
    void removesGpsExifFromPhotosKeepsTheirSizeAndMakesThumbnails() throws IOException {
        var a = api.newUser("Фотограф");
        long chat = api.group(a, "Фото");
        byte[] photo = TestFiles.jpegWithGps(800, 600, 1);
        assertThat(TestFiles.jpegMarkers(photo)).contains(0xE1);
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("Exif");

        var file = client.uploaded(a, chat, "IMG_0001.jpg", photo).get("file");
        assertThat(file.get("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(file.get("width").asInt()).isEqualTo(800);
        assertThat(file.get("height").asInt()).isEqualTo(600);
        assertThat(file.get("thumbnail").asBoolean()).isTrue();
        long id = file.get("id").asLong();

        var served = client.get(a, "/api/v1/files/" + id);
        assertThat(served.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(served.header("Content-Disposition")).startsWith("inline");
        assertThat(TestFiles.jpegMarkers(served.body())).doesNotContain(0xE1);
        assertThat(new String(served.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
        var image = ImageIO.read(new ByteArrayInputStream(served.body()));
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(600);

        var thumbnail = client.get(a, "/api/v1/files/" + id + "/thumbnail");
        assertThat(thumbnail.status()).isEqualTo(200);
        var small = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertThat(Math.max(small.getWidth(), small.getHeight())).isLessThanOrEqualTo(320);
        assertThat(small.getWidth()).isEqualTo(320);

        // a photo taken sideways is turned upright: orientation 6 swaps width and height
        var turned = client.uploaded(a, chat, "sideways.jpg", TestFiles.jpegWithGps(80, 40, 6))
                .get("file");
        assertThat(turned.get("width").asInt()).isEqualTo(40);
        assertThat(turned.get("height").asInt()).isEqualTo(80);

        // PNG: re-encoded too, with its dimensions
        var png = client.uploaded(a, chat, "chart.png", TestFiles.encode(TestFiles.picture(500, 100), "png"))
                .get("file");
        assertThat(png.get("contentType").asString()).isEqualTo("image/png");
        assertThat(png.get("width").asInt()).isEqualTo(500);
    }

    @Test
    void refusesImageBombsAndKeepsNothingOfThem() {
        var a = api.newUser("Бомбист");
        long chat = api.group(a, "Бомбы");
        byte[] bomb = TestFiles.pngClaiming(50_000, 50_000);
        var started = client.start(a, chat, "cat.png", bomb.length);
        long id = started.json().get("id").asLong();
        var refused = client.chunk(a, id, 0, bomb);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("IMAGE_TOO_LARGE");
        assertThat(files.find(id)).isEmpty();
        assertThat(chunks.stored(id)).as("no chunk rows are left").isZero();
        assertThat(api.get(a, "/api/v1/uploads/" + id).status()).isEqualTo(404);

        var broken =
                client.upload(a, chat, "broken.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2}, 100);
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.code()).isEqualTo("IMAGE_UNREADABLE");
    }

    @Test
    void htmlDisguisedAsAPhotoIsServedAsADownload() {
        var a = api.newUser("Хитрец");
        long chat = api.group(a, "Ловушки");
        byte[] html =
                "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        var file = client.uploaded(a, chat, "photo.jpg", html).get("file");
        assertThat(file.get("contentType").asString()).isEqualTo("application/octet-stream");
        var served = client.get(a, "/api/v1/files/" + file.get("id").asLong());
        assertThat(served.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(served.header("Content-Disposition")).startsWith("attachment");
        assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.body()).isEqualTo(html);

        // a declared content type is ignored: a PDF claimed to be HTML is a PDF, and a download
        var claimed = api.post(
                a,
                "/api/v1/uploads",
                Map.of("chatId", chat, "fileName", "page.html", "size", 9, "contentType", "text/html"));
        long id = claimed.json().get("id").asLong();
        var pdf = client.chunk(a, id, 0, "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(pdf.json().get("file").get("contentType").asString()).isEqualTo("application/pdf");
        var servedPdf = client.get(a, "/api/v1/files/" + id);
        assertThat(servedPdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(servedPdf.header("Content-Disposition")).startsWith("attachment");
    }

    @Test
    void readsTheDurationOfAVoiceMessage() {
        var a = api.newUser("Голос");
        long chat = api.group(a, "Голосовые");
        var file =
                client.uploaded(a, chat, "voice.ogg", TestFiles.oggOpus(2, 312)).get("file");
        assertThat(file.get("contentType").asString()).isEqualTo("audio/ogg");
        assertThat(file.get("durationMs").asLong()).isEqualTo(2000);
        var served = client.get(a, "/api/v1/files/" + file.get("id").asLong());
        assertThat(served.header("Content-Disposition")).startsWith("inline");
    }

    @Test
    void acceptsAWebmVoiceRecordingWithItsDurationAndTheClientsLevelSummary() {
        var a = api.newUser("Диктор");
        long chat = api.group(a, "Голосовые WebM");
        byte[] webm = TestWebm.opus(2, false);
        var levels = java.util.List.of(0, 10, 55, 100, 40);
        var started = api.post(
                a,
                "/api/v1/uploads",
                Map.of("chatId", chat, "fileName", "voice.webm", "size", webm.length, "levels", levels));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        var file = client.chunk(a, started.json().get("id").asLong(), 0, webm)
                .json()
                .get("file");
        assertThat(file.get("contentType").asString()).isEqualTo("audio/webm");
        assertThat(file.get("durationMs").asLong()).isEqualTo(2000);
        assertThat(file.get("levels").toString()).isEqualTo("[0,10,55,100,40]");
        var served = client.get(a, "/api/v1/files/" + file.get("id").asLong());
        assertThat(served.header("Content-Disposition")).startsWith("inline");
        assertThat(served.header("Content-Type")).isEqualTo("audio/webm");

        // levels are kept only for recordings; malformed ones are refused before anything is stored
        var notVoice = api.post(
                a, "/api/v1/uploads", Map.of("chatId", chat, "fileName", "x.bin", "size", 3, "levels", levels));
        var plain = client.chunk(a, notVoice.json().get("id").asLong(), 0, new byte[] {1, 2, 3})
                .json()
                .get("file");
        assertThat(plain.has("levels")).isFalse();
        for (Object bad : java.util.List.of(
                java.util.List.of(),
                java.util.List.of(101),
                java.util.List.of(-1),
                java.util.Collections.nCopies(101, 5))) {
            var refused = api.post(
                    a, "/api/v1/uploads", Map.of("chatId", chat, "fileName", "v.webm", "size", 10, "levels", bad));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("INVALID_LEVELS");
        }
        // a WebM with video is no voice message: a download, without duration
        var video =
                client.uploaded(a, chat, "clip.webm", TestWebm.opus(1, true)).get("file");
        assertThat(video.get("contentType").asString()).isEqualTo("video/webm");
        assertThat(video.has("durationMs")).isFalse();
    }

    @Test
    void enforcesTheSizeLimitAndThePerUploaderQuota() {
        var a = api.newUser("Копуша");
        long chat = api.group(a, "Квота");
        long hundredMb = 100L * 1024 * 1024;
        var tooLarge = client.start(a, chat, "huge.bin", hundredMb + 1);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("FILE_TOO_LARGE");
        assertThat(client.start(a, chat, "empty.bin", 0).code()).isEqualTo("INVALID_FILE_SIZE");
        assertThat(api.post(
                                a,
                                "/api/v1/uploads",
                                "{\"chatId\": " + chat + ", \"fileName\": \"" + "x".repeat(20_000) + "\"}")
                        .code())
                .isEqualTo("BODY_TOO_LARGE");
        assertThat(api.post(a, "/api/v1/uploads", "{not json").code()).isEqualTo("MALFORMED_JSON");
        for (int i = 0; i < 10; i++) {
            assertThat(client.start(a, chat, "part" + i + ".bin", hundredMb).status())
                    .isEqualTo(201);
        }
        var over = client.start(a, chat, "one-more.bin", hundredMb);
        assertThat(over.status()).isEqualTo(413);
        assertThat(over.code()).isEqualTo("QUOTA_EXCEEDED");
        // the quota is per uploader: someone else in the same chat still uploads
        var b = api.newUser("Другой");
        api.post(a, "/api/v1/chats/" + chat + "/members", Map.of("userIds", java.util.List.of(b.userId())));
        assertThat(client.start(b, chat, "x.bin", hundredMb).status()).isEqualTo(201);
    }

    @Test
    void aTruncatedChunkLeavesTheOffsetWhereItWas() throws IOException {
        var a = api.newUser("Обрыв");
        long chat = api.group(a, "Обрывы");
        long id = client.start(a, chat, "cut.bin", 1000).json().get("id").asLong();
        assertThat(client.chunk(a, id, 0, random(200, 4)).status()).isEqualTo(200);

        var uri = java.net.URI.create(api.base());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/v1/uploads/" + id + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + a.token() + "\r\nContent-Type: application/octet-stream\r\nUpload-Offset: 200\r\n"
                            + "Content-Length: 800\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[300]);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // the server refuses the chunk (Tomcat itself turns a body cut short into 400) or just closes
            assertThat(answer)
                    .satisfiesAnyOf(
                            t -> assertThat(t).isEmpty(), t -> assertThat(t).startsWith("HTTP/1.1 400"));
        }
        await().untilAsserted(() -> assertThat(
                        api.get(a, "/api/v1/uploads/" + id).json().get("offset").asLong())
                .isEqualTo(200));
        await().untilAsserted(() -> assertThat(chunks.stored(id)).isEqualTo(200));
        // and the upload goes on from there
        assertThat(client.chunk(a, id, 200, random(800, 5)).json().get("state").asString())
                .isEqualTo("READY");
    }

    @Autowired
    Blobs blobs;

    @Autowired
    LocalBlobStore store;

    @Test
    void theJanitorRemovesExpiredUnfinishedUploadsAndFilesNeverAttached() {
        var a = api.newUser("Забывчивый");
        long chat = api.group(a, "Брошенные");
        long id = client.start(a, chat, "left.bin", 1000).json().get("id").asLong();
        client.chunk(a, id, 0, random(100, 6));
        assertThat(chunks.stored(id)).isEqualTo(100);
        long finished = client.uploaded(a, chat, "never-sent.bin", random(3000, 8))
                .get("id")
                .asLong();
        String key = files.find(finished).orElseThrow().blob();
        assertThat(store.exists(key)).isTrue();

        jdbc.sql("update files set expires_at = now() - interval '1 minute' where id in (?, ?)")
                .params(id, finished)
                .update();
        janitor.run();
        assertThat(files.find(id)).isEmpty();
        assertThat(chunks.stored(id)).as("no chunk rows are left").isZero();
        assertThat(files.find(finished)).isEmpty();
        assertThat(blobs.refs(key)).isNull();
        assertThat(store.exists(key)).isFalse();
    }
}
