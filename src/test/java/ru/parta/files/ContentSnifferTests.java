package ru.parta.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentSnifferTests {

    @TempDir
    Path dir;

    @Test
    void recognisesFormatsByTheirMagicNumbers() {
        assertThat(ContentSniffer.sniff(TestFiles.encode(TestFiles.picture(4, 4), "jpeg")))
                .isEqualTo("image/jpeg");
        assertThat(ContentSniffer.sniff(TestFiles.encode(TestFiles.picture(4, 4), "png")))
                .isEqualTo("image/png");
        assertThat(ContentSniffer.sniff(TestFiles.encode(TestFiles.picture(4, 4), "gif")))
                .isEqualTo("image/gif");
        assertThat(ContentSniffer.sniff(ascii("RIFF\0\0\0\0WEBPVP8 "))).isEqualTo("image/webp");
        assertThat(ContentSniffer.sniff(ascii("%PDF-1.7\n"))).isEqualTo("application/pdf");
        assertThat(ContentSniffer.sniff(TestFiles.oggOpus(1, 312))).isEqualTo("audio/ogg");
        assertThat(ContentSniffer.sniff(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0}))
                .isEqualTo("video/webm");
        assertThat(ContentSniffer.sniff(ascii("\0\0\0\u0018ftypisom\0\0"))).isEqualTo("video/mp4");
        assertThat(ContentSniffer.sniff(ascii("ID3\u0004\0\0\0\0"))).isEqualTo("audio/mpeg");
        assertThat(ContentSniffer.sniff(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0}))
                .isEqualTo("audio/mpeg");
    }

    @Test
    void htmlSvgAndScriptsAreOctetStreamWhateverTheyClaim() {
        assertThat(ContentSniffer.sniff(ascii("<!DOCTYPE html><script>alert(1)</script>")))
                .isEqualTo("application/octet-stream");
        assertThat(ContentSniffer.sniff(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")))
                .isEqualTo("application/octet-stream");
        assertThat(ContentSniffer.sniff(new byte[0])).isEqualTo("application/octet-stream");
    }

    @Test
    void officeDocumentsAreZipsWithTheirMainPart() throws IOException {
        assertThat(ContentSniffer.sniff(zip("docx.zip", "[Content_Types].xml", "word/document.xml")))
                .isEqualTo(ContentSniffer.DOCX);
        assertThat(ContentSniffer.sniff(zip("xlsx.zip", "[Content_Types].xml", "xl/workbook.xml")))
                .isEqualTo(ContentSniffer.XLSX);
        assertThat(ContentSniffer.sniff(zip("pptx.zip", "[Content_Types].xml", "ppt/presentation.xml")))
                .isEqualTo(ContentSniffer.PPTX);
        assertThat(ContentSniffer.sniff(zip("plain.zip", "readme.txt"))).isEqualTo("application/octet-stream");
        Path broken = dir.resolve("broken.zip");
        Files.write(broken, ascii("PK\u0003\u0004garbage"));
        assertThat(ContentSniffer.sniff(broken)).isEqualTo("application/octet-stream");
    }

    private Path zip(String name, String... entries) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Path file = dir.resolve(name);
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
