package ru.parta.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipFile;

/**
 * The content type of a file, decided from its bytes only (magic numbers); what the client claims is never trusted.
 * Anything not recognised, HTML and SVG included, is {@code application/octet-stream}.
 */
final class ContentSniffer {

    static final String OCTET_STREAM = "application/octet-stream";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String OGG = "audio/ogg";
    static final String WEBM = "video/webm";
    /** Not sniffed here: a WebM whose only tracks are audio ({@link WebmOpus}) is stored under this type. */
    static final String WEBM_AUDIO = "audio/webm";

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    private ContentSniffer() {}

    static String sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        }
        String type = sniff(head);
        return "application/zip".equals(type) ? officeType(file) : type;
    }

    /** From the first bytes; a ZIP is answered as {@code application/zip}, to be looked into by the caller. */
    static String sniff(byte[] h) {
        if (starts(h, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(h, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (ascii(h, 0, "GIF87a") || ascii(h, 0, "GIF89a")) {
            return "image/gif";
        }
        if (ascii(h, 0, "RIFF") && ascii(h, 8, "WEBP")) {
            return "image/webp";
        }
        if (ascii(h, 0, "%PDF-")) {
            return "application/pdf";
        }
        if (starts(h, 0, 'P', 'K', 3, 4)) {
            return "application/zip";
        }
        if (ascii(h, 0, "OggS")) {
            return OGG;
        }
        if (starts(h, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return WEBM;
        }
        if (ascii(h, 4, "ftyp")) {
            return ascii(h, 8, "M4A ") ? "audio/mp4" : "video/mp4";
        }
        if (ascii(h, 0, "ID3")
                || (h.length > 2 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xE0) == 0xE0 && (h[1] & 0x06) != 0)) {
            return "audio/mpeg";
        }
        return OCTET_STREAM;
    }

    /** Office Open XML documents are ZIPs with a known main part; only the central directory is read, nothing inflated. */
    private static String officeType(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") == null) {
                return OCTET_STREAM;
            }
            if (zip.getEntry("word/document.xml") != null) {
                return DOCX;
            }
            if (zip.getEntry("xl/workbook.xml") != null) {
                return XLSX;
            }
            if (zip.getEntry("ppt/presentation.xml") != null) {
                return PPTX;
            }
            return OCTET_STREAM;
        } catch (IOException | RuntimeException e) {
            return OCTET_STREAM;
        }
    }

    private static boolean starts(byte[] h, int at, int... bytes) {
        if (h.length < at + bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((h[at + i] & 0xFF) != (bytes[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] h, int at, String text) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        return h.length >= at + t.length && Arrays.equals(h, at, at + t.length, t, 0, t.length);
    }
}
