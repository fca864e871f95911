package ru.parta.files;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import ru.parta.accounts.CurrentUser;
import ru.parta.chats.ChatMembership;
import ru.parta.shared.ApiException;

/**
 * Downloads for members of the file's chat (anyone else gets 404): single byte ranges, strong ETags from the content's
 * SHA-256, and headers that keep a browser from running what it downloads.
 */
@RestController
class FilesController {

    /** Served inline; everything else is a download. Sniffed types only, so HTML and SVG never get here. */
    private static final Set<String> INLINE = Set.of(
            "image/jpeg", "image/png", "image/gif", "image/webp", "audio/ogg", "audio/webm", "audio/mpeg", "audio/mp4");

    private final FileRecords files;
    private final BlobStore store;
    private final ChatMembership membership;
    private final Blobs blobs;

    FilesController(FileRecords files, BlobStore store, ChatMembership membership, Blobs blobs) {
        this.files = files;
        this.store = store;
        this.membership = membership;
        this.blobs = blobs;
    }

    @GetMapping("/api/v1/files/{id}")
    void download(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestHeader(name = "Range", required = false) String range,
            @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch,
            HttpServletResponse response)
            throws IOException {
        FileRow f = visible(user, id);
        serve(f.blob(), f.storedSize(), f.contentType(), f.fileName(), range, ifNoneMatch, response);
    }

    @GetMapping("/api/v1/files/{id}/thumbnail")
    void thumbnail(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestHeader(name = "Range", required = false) String range,
            @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch,
            HttpServletResponse response)
            throws IOException {
        FileRow f = visible(user, id);
        if (f.thumbnailBlob() == null) {
            throw ApiException.notFound("FILE_NOT_FOUND");
        }
        long size = blobs.size(f.thumbnailBlob());
        String name = "thumbnail-" + f.fileName();
        serve(f.thumbnailBlob(), size, f.contentType(), name, range, ifNoneMatch, response);
    }

    /** A finished file of a chat the caller is in; unattached ones only for their uploader. */
    private FileRow visible(CurrentUser user, long id) {
        return files.find(id)
                .filter(FileRow::ready)
                .filter(f -> f.messageId() != null || f.uploaderId() == user.userId())
                .filter(f -> membership.isMember(f.chatId(), user.userId()))
                .orElseThrow(() -> ApiException.notFound("FILE_NOT_FOUND"));
    }

    private void serve(
            String key,
            long size,
            String type,
            String fileName,
            String range,
            String ifNoneMatch,
            HttpServletResponse response)
            throws IOException {
        String etag = "\"" + key + "\"";
        String served = type == null ? ContentSniffer.OCTET_STREAM : type;
        boolean inline = INLINE.contains(served);
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "private, max-age=31536000, immutable");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader(
                "Content-Disposition",
                (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(fileName, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        if (matches(ifNoneMatch, etag)) {
            response.setStatus(304);
            return;
        }
        long start = 0;
        long end = size - 1;
        if (range != null) {
            long[] r = parseRange(range, size);
            if (r == null) {
                response.setStatus(416);
                response.setHeader("Content-Range", "bytes */" + size);
                return;
            }
            if (r.length == 2) {
                start = r[0];
                end = r[1];
                response.setStatus(206);
                response.setHeader("Content-Range", "bytes " + start + "-" + end + "/" + size);
            }
        }
        long length = end - start + 1;
        response.setContentType(served);
        response.setContentLengthLong(length);
        try (InputStream in = store.open(key, start)) {
            OutputStream out = response.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One byte range: {@code {start, end}}; an empty array for a header we do not honour (several ranges, another
     * unit, malformed), which serves the whole file; null when unsatisfiable (416).
     */
    static long[] parseRange(String header, long size) {
        String h = header.strip();
        if (!h.startsWith("bytes=") || h.contains(",")) {
            return new long[0];
        }
        String spec = h.substring(6).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new long[0];
        }
        try {
            String a = spec.substring(0, dash).strip();
            String b = spec.substring(dash + 1).strip();
            if (a.isEmpty()) {
                if (b.isEmpty()) {
                    return new long[0];
                }
                long suffix = Long.parseLong(b);
                if (suffix <= 0) {
                    return null;
                }
                return new long[] {Math.max(0, size - suffix), size - 1};
            }
            long start = Long.parseLong(a);
            long end = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            if (start >= size || start > end) {
                return null;
            }
            return new long[] {start, end};
        } catch (NumberFormatException e) {
            return new long[0];
        }
    }
}
