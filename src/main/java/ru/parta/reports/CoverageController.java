package ru.parta.reports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.parta.accounts.CurrentUser;
import ru.parta.reports.CoverageSnapshots.HistoryDay;
import ru.parta.reports.CoverageSnapshots.SnapshotResult;
import ru.parta.shared.ApiException;

/**
 * Coverage over HTTP. Every endpoint first checks that the caller may watch the unit; anyone else gets 404
 * UNIT_NOT_FOUND, so the existence of units is not revealed. Nothing here changes the roster or chats; only the
 * snapshot endpoint writes (today's history rows of the subtree).
 */
@RestController
class CoverageController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final long MAX_HISTORY_DAYS = 731;

    private final Coverage coverage;
    private final CoverageSnapshots snapshots;

    private final CoveragePdf pdf;

    CoverageController(Coverage coverage, CoverageSnapshots snapshots, CoveragePdf pdf) {
        this.coverage = coverage;
        this.snapshots = snapshots;
        this.pdf = pdf;
    }

    @GetMapping("/api/v1/units/{id}/coverage.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        CoverageReport report = coverage.report(user, id);
        String name = "Отчёт о подключении — " + report.unitName() + " — " + snapshots.today() + ".pdf";
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(pdf.render(report));
    }

    @GetMapping("/api/v1/units/{id}/coverage")
    CoverageReport report(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return coverage.report(user, id);
    }

    @GetMapping("/api/v1/units/{id}/coverage/history")
    List<HistoryDay> history(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        coverage.requireWatch(user, id);
        LocalDate end = to == null ? snapshots.today() : to;
        LocalDate start = from == null ? end.minusDays(90) : from;
        if (start.isAfter(end) || ChronoUnit.DAYS.between(start, end) > MAX_HISTORY_DAYS) {
            throw ApiException.badRequest("COVERAGE_RANGE_INVALID", MAX_HISTORY_DAYS);
        }
        return snapshots.history(id, start, end);
    }

    @PostMapping("/api/v1/units/{id}/coverage/snapshot")
    SnapshotResult snapshot(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        coverage.requireWatch(user, id);
        return snapshots.snapshot(id);
    }

    @GetMapping("/api/v1/units/{id}/coverage.xlsx")
    ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        CoverageReport report = coverage.report(user, id);
        String name = "Подключение — " + report.unitName() + " — " + snapshots.today() + ".xlsx";
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(CoverageXlsx.render(report));
    }
}
