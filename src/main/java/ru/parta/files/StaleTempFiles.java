package ru.parta.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes temporary files that a request left in {@code <dir>/tmp} because its node died mid-request (a chunk being
 * received, an upload being assembled, an image being cleaned). A request never takes a day, so a file last modified
 * more than {@link #MAX_AGE} ago belongs to nobody. Node-local by design and safe when nodes share the folder: every
 * node may sweep it, and none removes a file younger than a day.
 */
@Component
class StaleTempFiles {

    static final Duration MAX_AGE = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(StaleTempFiles.class);

    private final Path tmp;
    private final Clock clock;

    @Autowired
    StaleTempFiles(FilesProperties properties, Clock clock) {
        this(properties.dir().toAbsolutePath().normalize().resolve("tmp"), clock);
    }

    StaleTempFiles(Path tmp, Clock clock) {
        this.tmp = tmp;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void run() {
        int removed = sweep();
        if (removed > 0) {
            log.info("Removed {} temporary files older than {} from {}", removed, MAX_AGE, tmp);
        }
    }

    /** Deletes the stale files; returns how many. A file that vanishes meanwhile (another node) is not an error. */
    int sweep() {
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(MAX_AGE);
        int removed = 0;
        try (Stream<Path> files = Files.list(tmp)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                try {
                    if (Files.isRegularFile(file)
                            && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)
                            && Files.deleteIfExists(file)) {
                        removed++;
                    }
                } catch (IOException e) {
                    log.debug("Could not remove temporary file {}", file, e);
                }
            }
        } catch (IOException e) {
            log.warn("Could not list temporary files in {}; trying again next round", tmp, e);
        }
        return removed;
    }
}
