package ru.parta.safety;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.parta.accounts.CurrentUser;

/** Export of one's own data and erasure (by the person, or by a system administrator). */
@RestController
class PrivacyController {

    private final Privacy privacy;

    PrivacyController(Privacy privacy) {
        this.privacy = privacy;
    }

    record Erase(String password) {}

    @GetMapping("/api/v1/me/export")
    ResponseEntity<Map<String, Object>> export(@AuthenticationPrincipal CurrentUser user) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"parta-export.json\"")
                .body(privacy.export(user.userId()));
    }

    @DeleteMapping("/api/v1/me")
    ResponseEntity<Void> eraseSelf(@AuthenticationPrincipal CurrentUser user, @RequestBody Erase body) {
        privacy.eraseSelf(user.userId(), body.password());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/admin/users/{id}")
    ResponseEntity<Void> eraseByAdmin(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        privacy.eraseByAdmin(user.userId(), user.systemAdmin(), id);
        return ResponseEntity.noContent().build();
    }
}
