package ru.parta.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.parta.chats.ChatMembership;
import ru.parta.shared.ApiException;

/**
 * Resumable uploads. The client declares the file, then sends its bytes in order in any number of chunks, each at the
 * offset the server has; after an interruption it asks for the offset and goes on from there, on any node. The bytes
 * so far live in PostgreSQL ({@link UploadChunks}): a chunk is first received into a temporary file on this node, then
 * stored in one short transaction together with the new offset, so a chunk that fails half-way leaves nothing and the
 * offset always counts whole chunks only. When the last byte arrives the pieces are streamed in order into a
 * temporary file, sniffed, processed and stored in the blob store, or refused, in which case nothing of it is kept.
 *
 * <p>One chunk per upload at a time, on whichever node: the writer holds a lease on the upload's row (a second
 * concurrent chunk gets 409 UPLOAD_BUSY). Temporary files live for one request; a node killed mid-request leaves them
 * in {@code <dir>/tmp}.
 */
@Service
class Uploads {

    private final FileRecords files;
    private final UploadChunks chunks;
    private final Quotas quotas;
    private final Blobs blobs;
    private final ChatMembership membership;
    private final FilesProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Path tmp;
    /** How long a chunk's writer may hold the upload; a node that dies mid-chunk blocks the upload at most this long. */
    private static final java.time.Duration WRITER_LEASE = java.time.Duration.ofMinutes(15);

    private final ru.parta.shared.Backoff starts;

    Uploads(
            FileRecords files,
            UploadChunks chunks,
            Quotas quotas,
            Blobs blobs,
            ChatMembership membership,
            FilesProperties properties,
            TransactionTemplate tx,
            Clock clock,
            ru.parta.shared.RateCounters counters)
            throws IOException {
        this.files = files;
        this.chunks = chunks;
        this.quotas = quotas;
        this.blobs = blobs;
        this.membership = membership;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        this.starts = new ru.parta.shared.Backoff(
                "upload.starts", properties.uploadStartsPerMinute(), java.time.Duration.ofMinutes(1), counters);
        Path root = properties.dir().toAbsolutePath().normalize();
        this.tmp = Files.createDirectories(root.resolve("tmp"));
    }

    /** Raised when a chunk's offset is not the upload's; carries the offset the client must continue from. */
    static final class OffsetMismatch extends ApiException {
        final long offset;

        OffsetMismatch(long offset) {
            super(HttpStatus.CONFLICT, "UPLOAD_OFFSET_MISMATCH", offset);
            this.offset = offset;
        }
    }

    /**
     * Declares an upload. {@code levels} is an optional loudness summary of a voice recording made by the client (see
     * {@link VoiceLevels}); it is kept only if the file turns out to be a recording with a duration.
     */
    FileRow create(long userId, Long chatId, String fileName, Long size, java.util.List<Integer> levels) {
        if (chatId == null || !membership.isMember(chatId, userId)) {
            throw ApiException.notFound("CHAT_NOT_FOUND");
        }
        if (!membership.canPost(chatId, userId)) {
            throw ApiException.forbidden("POSTING_NOT_ALLOWED");
        }
        if (size == null || size <= 0) {
            throw ApiException.badRequest("INVALID_FILE_SIZE");
        }
        long max = properties.maxSize().toBytes();
        if (size > max) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE", max / (1024 * 1024));
        }
        // A per-user throttle on new uploads: past the allowance without a minute's pause, waits grow (429).
        var wait = starts.waitFor("u" + userId);
        if (!wait.isZero()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", wait.toSeconds() + 1);
        }
        starts.failed("u" + userId);
        String name = cleanName(fileName);
        var summary = VoiceLevels.check(levels);
        long id = tx.execute(s -> {
            Long school = quotas.reserve(userId, chatId, size);
            return files.create(chatId, userId, school, name, size, summary, expiry());
        });
        return files.find(id).orElseThrow();
    }

    /** The upload as its uploader sees it; anyone else gets 404. */
    FileRow status(long userId, long id) {
        return files.find(id)
                .filter(f -> f.uploaderId() == userId && !"RELEASED".equals(f.state()))
                .orElseThrow(() -> ApiException.notFound("UPLOAD_NOT_FOUND"));
    }

    /** Appends one chunk at {@code offset}; on the last byte the file is processed. Returns the upload afterwards. */
    FileRow append(long userId, long id, Long offset, long declaredLength, InputStream body) {
        FileRow upload = status(userId, id);
        if (offset == null) {
            throw ApiException.badRequest("UPLOAD_OFFSET_REQUIRED");
        }
        if (!files.claimWriter(id, WRITER_LEASE)) {
            throw ApiException.conflict("UPLOAD_BUSY");
        }
        try {
            upload = status(userId, id);
            if (!upload.uploading()) {
                throw ApiException.conflict("UPLOAD_COMPLETE");
            }
            if (offset != upload.received()) {
                throw new OffsetMismatch(upload.received());
            }
            long remaining = upload.size() - upload.received();
            if (declaredLength > remaining) {
                throw ApiException.badRequest("CHUNK_BEYOND_SIZE", remaining);
            }
            long from = upload.received();
            Path chunk = Files.createTempFile(tmp, "chunk-", ".part");
            try {
                long written = UploadChunks.receive(chunk, remaining, declaredLength, body);
                Boolean advanced = tx.execute(s -> {
                    if (!files.advance(id, from, from + written, expiry())) {
                        return false;
                    }
                    try {
                        chunks.append(id, from, chunk, written);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return true;
                });
                if (!Boolean.TRUE.equals(advanced)) {
                    throw new OffsetMismatch(
                            files.find(id).map(FileRow::received).orElse(0L));
                }
                if (from + written == upload.size()) {
                    complete(files.find(id).orElseThrow());
                }
            } finally {
                deleteQuietly(chunk);
            }
            return files.find(id).orElseThrow(() -> ApiException.notFound("UPLOAD_NOT_FOUND"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            files.releaseWriter(id);
        }
    }

    /** Sniffs, processes and stores a fully received upload; a refused file leaves nothing behind. */
    private void complete(FileRow upload) {
        Path part = null;
        Path content = null;
        Path thumbnail = null;
        try {
            part = Files.createTempFile(tmp, "upload-", ".part");
            try (var out = Files.newOutputStream(part)) {
                long assembled = chunks.copy(upload.id(), out);
                if (assembled != upload.size()) {
                    throw new IllegalStateException(
                            "upload " + upload.id() + " has " + assembled + " of " + upload.size() + " bytes stored");
                }
            }
            String type = ContentSniffer.sniff(part);
            Integer width = null;
            Integer height = null;
            Long duration = null;
            if (ContentSniffer.JPEG.equals(type) || ContentSniffer.PNG.equals(type)) {
                var image = ImageProcessor.process(part, type, properties.maxImagePixels(), tmp);
                content = image.content();
                thumbnail = image.thumbnail();
                width = image.width();
                height = image.height();
                Files.deleteIfExists(part);
            } else {
                content = part;
                var recording = Recordings.probe(type, part);
                type = recording.type();
                duration = recording.durationMs();
            }
            String contentKey = sha256(content);
            long storedSize = Files.size(content);
            String thumbKey = thumbnail == null ? null : sha256(thumbnail);
            long thumbSize = thumbnail == null ? 0 : Files.size(thumbnail);
            Path c = content;
            Path t = thumbnail;
            Integer w = width;
            Integer h = height;
            Long d = duration;
            String storedType = type;
            tx.executeWithoutResult(s -> {
                chunks.delete(upload.id());
                try {
                    blobs.acquire(contentKey, storedSize, c);
                    if (thumbKey != null) {
                        blobs.acquire(thumbKey, thumbSize, t);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (!files.ready(upload.id(), storedType, storedSize, contentKey, thumbKey, w, h, d, expiry())) {
                    throw ApiException.conflict("UPLOAD_COMPLETE");
                }
            });
        } catch (IOException | RuntimeException e) {
            files.delete(upload.id());
            throw e instanceof ApiException api
                    ? api
                    : e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
        } finally {
            deleteQuietly(part);
            deleteQuietly(content);
            deleteQuietly(thumbnail);
        }
    }

    private java.time.Instant expiry() {
        return clock.instant().plus(properties.uploadExpiry());
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // the janitor's next round or the next upload of the same id overwrites it
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last path segment, without control characters, at most 200 characters; never used as a path. */
    static String cleanName(String name) {
        String n = name == null ? "" : name;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.codePoints()
                .filter(c -> !Character.isISOControl(c) && c != '"')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        if (n.codePointCount(0, n.length()) > 200) {
            n = n.substring(0, n.offsetByCodePoints(0, 200));
        }
        return n.isEmpty() || n.equals(".") || n.equals("..") ? "file" : n;
    }
}
