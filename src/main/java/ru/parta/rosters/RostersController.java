package ru.parta.rosters;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.parta.accounts.CurrentUser;
import ru.parta.organizations.Authority;
import ru.parta.rosters.parsing.RosterTemplates;
import ru.parta.shared.ApiException;

/** Roster import (dry run, then apply), its history, and the template files. */
@RestController
class RostersController {

    private final RosterImport imports;
    private final ImportLog log;
    private final Authority authority;

    RostersController(RosterImport imports, ImportLog log, Authority authority) {
        this.imports = imports;
        this.log = log;
        this.authority = authority;
    }

    @PostMapping(value = "/api/v1/units/{schoolId}/roster", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport upload(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long schoolId,
            @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean skipInvalidRows)
            throws IOException {
        authority.requireManage(user, schoolId);
        if (file.isEmpty()) {
            throw ApiException.badRequest("ROSTER_FILE_EMPTY");
        }
        String name = file.getOriginalFilename() == null ? "roster.csv" : file.getOriginalFilename();
        try (var in = file.getInputStream()) {
            return imports.run(schoolId, user.userId(), in, name, dryRun, skipInvalidRows);
        }
    }

    @GetMapping("/api/v1/units/{schoolId}/roster/imports")
    List<Map<String, Object>> history(@AuthenticationPrincipal CurrentUser user, @PathVariable long schoolId) {
        authority.requireManage(user, schoolId);
        return log.history(schoolId);
    }

    @GetMapping("/api/v1/roster/template.csv")
    ResponseEntity<byte[]> csvTemplate() {
        return file(RosterTemplates.csv(), "roster-template.csv", "text/csv; charset=utf-8");
    }

    @GetMapping("/api/v1/roster/template.xlsx")
    ResponseEntity<byte[]> xlsxTemplate() {
        return file(
                RosterTemplates.xlsx(),
                "roster-template.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, String name, String type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(MediaType.parseMediaType(type))
                .body(bytes);
    }

    record Rejected(int status, String code, String message, ImportReport report) {}

    @ExceptionHandler(RosterImport.RosterRejected.class)
    ResponseEntity<Rejected> rejected(RosterImport.RosterRejected e, java.util.Locale locale) {
        String message = locale.getLanguage().equals("en")
                ? "The file has row errors; fix them or apply with skipInvalidRows=true. Nothing was changed."
                : "В файле есть ошибки в строках; исправьте их или примените с пропуском ошибочных строк. Ничего не изменено.";
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .body(new Rejected(422, "ROSTER_HAS_ERRORS", message, e.report()));
    }
}
