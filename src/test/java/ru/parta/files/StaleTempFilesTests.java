package ru.parta.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleTempFilesTests {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void removesOnlyFilesOlderThanADay() throws Exception {
        Path orphan = Files.writeString(tmp.resolve("chunk-1.part"), "left by a killed node");
        Files.setLastModifiedTime(orphan, FileTime.from(NOW.minus(Duration.ofHours(25))));
        Path inFlight = Files.writeString(tmp.resolve("chunk-2.part"), "a request still receiving");
        Files.setLastModifiedTime(inFlight, FileTime.from(NOW.minus(Duration.ofHours(23))));
        Path folder = Files.createDirectory(tmp.resolve("not-a-file"));
        Files.setLastModifiedTime(folder, FileTime.from(NOW.minus(Duration.ofDays(3))));

        int removed = new StaleTempFiles(tmp, Clock.fixed(NOW, ZoneOffset.UTC)).sweep();

        assertThat(removed).isEqualTo(1);
        assertThat(orphan).doesNotExist();
        assertThat(inFlight).exists();
        assertThat(folder).isDirectory();
    }

    @Test
    void aMissingFolderIsNothingToSweep() {
        assertThat(new StaleTempFiles(tmp.resolve("absent"), Clock.fixed(NOW, ZoneOffset.UTC)).sweep())
                .isZero();
    }
}
