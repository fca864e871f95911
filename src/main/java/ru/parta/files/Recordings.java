package ru.parta.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Voice recordings among sniffed files: Ogg Opus (what Firefox records) and WebM Opus (what Chromium records) get a
 * duration; a WebM with only Opus audio is stored as {@code audio/webm}, so it is played inline, while any WebM with
 * video stays {@code video/webm}, a download.
 */
final class Recordings {

    private Recordings() {}

    /** The type to store and the duration (null when unknown or not a recording). */
    record Probe(String type, Long durationMs) {}

    static Probe probe(String sniffed, Path file) throws IOException {
        if (ContentSniffer.OGG.equals(sniffed)) {
            return new Probe(sniffed, OggOpus.durationMs(file));
        }
        if (ContentSniffer.WEBM.equals(sniffed)) {
            var webm = WebmOpus.read(file);
            return webm.audioOnly()
                    ? new Probe(ContentSniffer.WEBM_AUDIO, webm.durationMs())
                    : new Probe(sniffed, null);
        }
        return new Probe(sniffed, null);
    }
}
