package ru.parta.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.parta.shared.ApiException;

/** Images, voice and byte ranges without a server. */
class MediaTests {

    @TempDir
    Path dir;

    @Test
    void readsTheDurationOfAnOggOpusRecording() throws IOException {
        Path ogg = dir.resolve("voice.ogg");
        Files.write(ogg, TestFiles.oggOpus(3, 312));
        assertThat(OggOpus.durationMs(ogg)).isEqualTo(3000L);
        Path notOpus = dir.resolve("x.ogg");
        Files.write(notOpus, "OggS but not really".getBytes());
        assertThat(OggOpus.durationMs(notOpus)).isNull();
    }

    @Test
    void readsTheDurationOfAWebmOpusRecordingWithoutADeclaredDuration() throws IOException {
        Path webm = dir.resolve("voice.webm");
        Files.write(webm, TestWebm.opus(3, false));
        var info = WebmOpus.read(webm);
        assertThat(info.audioOnly()).isTrue();
        assertThat(info.durationMs()).isEqualTo(3000L);
        assertThat(Recordings.probe(ContentSniffer.sniff(webm), webm))
                .isEqualTo(new Recordings.Probe("audio/webm", 3000L));

        Path video = dir.resolve("clip.webm");
        Files.write(video, TestWebm.opus(1, true));
        assertThat(WebmOpus.read(video).audioOnly()).isFalse();
        assertThat(Recordings.probe(ContentSniffer.sniff(video), video).type()).isEqualTo("video/webm");

        Path truncated = dir.resolve("cut.webm");
        byte[] whole = TestWebm.opus(2, false);
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length - 100));
        assertThat(WebmOpus.read(truncated).durationMs()).isBetween(1800L, 2000L);
        Path garbage = dir.resolve("garbage.webm");
        Files.write(garbage, new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0, 0, 0});
        assertThat(WebmOpus.read(garbage)).isEqualTo(new WebmOpus.Info(false, null));
    }

    @Test
    void measuresOpusPacketsFromTheirTocByte() {
        assertThat(WebmOpus.opusPacketNs(0xF8, 0)).isEqualTo(20_000_000L); // CELT 20 ms, one frame
        assertThat(WebmOpus.opusPacketNs(0xFB, 3)).isEqualTo(60_000_000L); // CELT 20 ms, code 3, three frames
        assertThat(WebmOpus.opusPacketNs(0x19, 0)).isEqualTo(120_000_000L); // SILK 60 ms, two frames
    }

    @Test
    void readsTheExifOrientationAndTurnsTheImageUpright() throws IOException {
        Path jpeg = dir.resolve("rotated.jpg");
        Files.write(jpeg, TestFiles.jpegWithGps(40, 20, 6));
        assertThat(ImageProcessor.exifOrientation(jpeg)).isEqualTo(6);

        var processed = ImageProcessor.process(jpeg, "image/jpeg", 40_000_000, dir);
        assertThat(processed.width()).isEqualTo(20);
        assertThat(processed.height()).isEqualTo(40);

        var source = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        source.setRGB(0, 0, 0xFF0000);
        var rotated = ImageProcessor.upright(source, 6);
        assertThat(rotated.getWidth()).isEqualTo(2);
        assertThat(rotated.getHeight()).isEqualTo(3);
        assertThat(rotated.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
    }

    @Test
    void removesMetadataAndMakesASmallThumbnail() throws IOException {
        Path jpeg = dir.resolve("gps.jpg");
        Files.write(jpeg, TestFiles.jpegWithGps(800, 600, 1));
        var processed = ImageProcessor.process(jpeg, "image/jpeg", 40_000_000, dir);
        byte[] clean = Files.readAllBytes(processed.content());
        assertThat(TestFiles.jpegMarkers(clean)).doesNotContain(0xE1);
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(processed.thumbnail())));
        assertThat(thumb.getWidth()).isEqualTo(320);
        assertThat(thumb.getHeight()).isEqualTo(240);
    }

    @Test
    void refusesImagesOverThePixelLimitBeforeDecoding() throws IOException {
        Path bomb = dir.resolve("bomb.png");
        Files.write(bomb, TestFiles.pngClaiming(50_000, 50_000));
        assertThatThrownBy(() -> ImageProcessor.process(bomb, "image/png", 40_000_000, dir))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("IMAGE_TOO_LARGE"));
    }

    @Test
    void parsesSingleByteRanges() {
        assertThat(FilesController.parseRange("bytes=0-9", 100)).containsExactly(0, 9);
        assertThat(FilesController.parseRange("bytes=90-", 100)).containsExactly(90, 99);
        assertThat(FilesController.parseRange("bytes=-10", 100)).containsExactly(90, 99);
        assertThat(FilesController.parseRange("bytes=50-1000", 100)).containsExactly(50, 99);
        assertThat(FilesController.parseRange("bytes=100-", 100)).isNull();
        assertThat(FilesController.parseRange("bytes=20-10", 100)).isNull();
        assertThat(FilesController.parseRange("bytes=0-1,5-6", 100)).isEmpty();
        assertThat(FilesController.parseRange("items=0-1", 100)).isEmpty();
    }

    @Test
    void cleansFileNames() {
        assertThat(Uploads.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Uploads.cleanName("C:\\Users\\x\\отчёт.docx")).isEqualTo("отчёт.docx");
        assertThat(Uploads.cleanName("a\u0000b\"c.txt")).isEqualTo("abc.txt");
        assertThat(Uploads.cleanName("..")).isEqualTo("file");
        assertThat(Uploads.cleanName(null)).isEqualTo("file");
    }
}
