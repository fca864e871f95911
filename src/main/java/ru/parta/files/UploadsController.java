package ru.parta.files;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import ru.parta.accounts.CurrentUser;
import ru.parta.chats.AttachmentView;
import ru.parta.shared.ApiException;
import ru.parta.shared.ErrorMessages;
import tools.jackson.databind.json.JsonMapper;

/** Resumable uploads: declare, send chunks at the server's offset, ask for the offset to resume. */
@RestController
class UploadsController {

    private final Uploads uploads;
    private final FilesProperties properties;
    private static final int MAX_JSON = 16 * 1024;

    private final ErrorMessages errors;
    private final JsonMapper json;

    UploadsController(Uploads uploads, FilesProperties properties, ErrorMessages errors, JsonMapper json) {
        this.uploads = uploads;
        this.properties = properties;
        this.errors = errors;
        this.json = json;
    }

    /** {@code contentType} is accepted and ignored: the type is decided from the bytes. */
    record NewUpload(Long chatId, String fileName, Long size, String contentType, java.util.List<Integer> levels) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UploadView(
            long id,
            long chatId,
            String fileName,
            long size,
            long offset,
            long chunkSize,
            String state,
            AttachmentView file) {}

    /** Paths under /api/v1/uploads skip the global JSON body limit; this small JSON body has its own. */
    @PostMapping("/api/v1/uploads")
    ResponseEntity<UploadView> create(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request)
            throws IOException {
        byte[] raw = request.getInputStream().readNBytes(MAX_JSON + 1);
        if (raw.length > MAX_JSON) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE");
        }
        NewUpload body;
        try {
            body = json.readValue(raw, NewUpload.class);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("MALFORMED_JSON");
        }
        var upload = uploads.create(user.userId(), body.chatId(), body.fileName(), body.size(), body.levels());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(upload));
    }

    @GetMapping("/api/v1/uploads/{id}")
    ResponseEntity<UploadView> status(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        var upload = uploads.status(user.userId(), id);
        return ResponseEntity.ok()
                .header("Upload-Offset", Long.toString(upload.received()))
                .header("Cache-Control", "no-store")
                .body(view(upload));
    }

    @PutMapping("/api/v1/uploads/{id}")
    ResponseEntity<UploadView> append(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestHeader(name = "Upload-Offset", required = false) Long offset,
            HttpServletRequest request)
            throws IOException {
        var upload =
                uploads.append(user.userId(), id, offset, request.getContentLengthLong(), request.getInputStream());
        return ResponseEntity.ok()
                .header("Upload-Offset", Long.toString(upload.received()))
                .body(view(upload));
    }

    @ExceptionHandler(Uploads.OffsetMismatch.class)
    ResponseEntity<Map<String, Object>> mismatch(Uploads.OffsetMismatch e, Locale locale) {
        var error = errors.toError(e, locale);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", error.status());
        body.put("code", error.code());
        body.put("message", error.message());
        body.put("offset", e.offset);
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .header("Upload-Offset", Long.toString(e.offset))
                .body(body);
    }

    private UploadView view(FileRow f) {
        return new UploadView(
                f.id(),
                f.chatId(),
                f.fileName(),
                f.size(),
                f.received(),
                properties.chunkSize().toBytes(),
                f.state(),
                f.ready() ? f.view() : null);
    }
}
